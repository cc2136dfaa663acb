using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// On SQLite, takes the database's single-node lock before anything else starts (it is the first hosted
/// service): a second server process on the same file stops here with a message saying that several nodes
/// need PostgreSQL.
/// </summary>
public sealed class SqliteSingleNode(ResolvedDatabase database) : IHostedService, IDisposable
{
    private SqliteNodeLock? _held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
            _held = SqliteNodeLock.Acquire(database.ConnectionString);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }
}

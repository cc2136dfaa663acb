using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// WAL with synchronous=NORMAL: a committed transaction survives the process being killed (only
/// power loss may take the last ones back), and commits do not wait for fsync. busy_timeout lets a
/// writer wait for another instead of failing at once.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static SqlitePragmas Instance { get; } = new();

    // journal_mode=WAL is stored in the file (set by the first connection, a no-op after); the others are per connection.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

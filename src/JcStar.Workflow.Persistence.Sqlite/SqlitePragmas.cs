using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// WAL with synchronous=NORMAL (the default): a committed transaction survives the process being killed
/// (only power loss may take the last ones back), and commits do not wait for fsync; with FULL each commit
/// waits for the log to reach the disk and also survives a power loss. busy_timeout lets a writer wait
/// for another instead of failing at once.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly SqlitePragmas NormalInstance = new("NORMAL");
    private static readonly SqlitePragmas FullInstance = new("FULL");

    // journal_mode=WAL is stored in the file (set by the first connection, a no-op after); the others are per connection.
    private readonly string _pragmas;

    private SqlitePragmas(string synchronous) =>
        _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000;";

    public static SqlitePragmas For(SqliteSynchronous synchronous) => synchronous switch
    {
        SqliteSynchronous.Normal => NormalInstance,
        SqliteSynchronous.Full => FullInstance,
        _ => throw new ArgumentOutOfRangeException(nameof(synchronous), synchronous, "Database:Sqlite:Synchronous is Normal or Full"),
    };

    // The pool hands the same native connection out again and again; its pragmas outlive each open.
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            Configured.AddOrUpdate(handle, NormalInstance);
    }
}

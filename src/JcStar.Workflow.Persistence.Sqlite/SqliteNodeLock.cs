using Microsoft.Data.Sqlite;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// SQLite serves one node. The writer queue and the group commit live in the process, so a second
/// server process on the same file would not share them; the first process holds an exclusive lock on
/// <c>&lt;file&gt;.node-lock</c> for its lifetime and a second one refuses to start. The operating system
/// drops the lock when the process dies, however it dies.
/// </summary>
public sealed class SqliteNodeLock : IDisposable
{
    private readonly FileStream? _lock;

    private SqliteNodeLock(FileStream? held) => _lock = held;

    /// <summary>The database file this lock guards, or null for an in-memory database (nothing to share).</summary>
    public string? DatabaseFile { get; private init; }

    /// <exception cref="InvalidOperationException">Another process holds the database.</exception>
    public static SqliteNodeLock Acquire(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return new SqliteNodeLock(null);
        var file = Path.GetFullPath(source);
        var lockFile = file + ".node-lock";
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows.
            var held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new SqliteNodeLock(held) { DatabaseFile = file };
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The SQLite database {file} is already used by another server process (it holds {lockFile}). " +
                "SQLite serves a single node: several nodes need PostgreSQL (set Database:Provider to PostgreSql and " +
                "Database:ConnectionString). Stop the other process to use this database here.", e);
        }
    }

    public void Dispose() => _lock?.Dispose();
}

namespace JcStar.Workflow.Persistence;

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty with SQLite means a file workflow.db under the data root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the server starts. SQLite always does; the others only when set (otherwise `jcstar db migrate`).</summary>
    public bool MigrateAtStart { get; set; }
}

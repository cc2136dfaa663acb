namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>Bound from the "Database:Sqlite" configuration section.</summary>
public sealed record SqliteOptions
{
    public const string Section = "Database:Sqlite";

    /// <summary><c>Normal</c> (the default) survives a process crash; <c>Full</c> also survives a power loss, at the cost of a sync per commit.</summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Normal;
}

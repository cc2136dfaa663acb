namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> under WAL: what a commit survives once the caller has heard of it.</summary>
public enum SqliteSynchronous
{
    /// <summary>A commit survives the process being killed; a power loss or OS crash may take back the last commits (they are in the log, not yet synced). Commits do not wait for fsync.</summary>
    Normal,

    /// <summary>A commit also survives a power loss or OS crash: every commit waits for the log to be synced to disk.</summary>
    Full,
}

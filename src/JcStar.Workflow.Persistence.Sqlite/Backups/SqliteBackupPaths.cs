namespace JcStar.Workflow.Persistence.Sqlite.Backups;

/// <summary>Where the embedded default keeps its state. Paths are full paths; the optional ones may be absent.</summary>
/// <param name="DataRoot">Data:Root; every file under it goes into the backup (databases through SQLite's online backup).</param>
/// <param name="WorkflowDatabase">The workflow database file.</param>
/// <param name="HangfireDatabase">Hangfire's SQLite file, when Hangfire stores on SQLite.</param>
/// <param name="DocumentsRoot">Documents:StoreRoot when Documents:Store is Files; copied as documents/ when it lies outside the data root.</param>
/// <param name="Excluded">Folders never copied (the backup folder when it lies under the data root).</param>
public sealed record SqliteBackupPaths(string DataRoot, string WorkflowDatabase, string? HangfireDatabase, string? DocumentsRoot, IReadOnlyList<string> Excluded)
{
    public const string WorkflowFile = "workflow.db";
    public const string HangfireFile = "hangfire.db";
    public const string DocumentsFolder = "documents";

    /// <summary>The embedded defaults under one data root: workflow.db, hangfire.db, documents/.</summary>
    public static SqliteBackupPaths Under(string dataRoot, IReadOnlyList<string>? excluded = null)
    {
        var root = Path.GetFullPath(dataRoot);
        return new SqliteBackupPaths(root, Path.Combine(root, WorkflowFile), Path.Combine(root, HangfireFile), Path.Combine(root, DocumentsFolder), excluded ?? []);
    }
}

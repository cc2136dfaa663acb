using JcStar.Workflow.Persistence.Backups;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Sqlite.Backups;

/// <summary>
/// The embedded default's backup: workflow.db and hangfire.db through SQLite's online backup API (a
/// consistent copy while the server writes; WAL readers never block it), then every other file of the
/// data root and the documents store. Counts and the schema are read from the copy, not the live file.
/// </summary>
public sealed class SqliteBackupSource(SqliteBackupPaths paths) : IBackupSource
{
    public async Task<BackupCapture> CaptureAsync(string stagingFolder, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.WorkflowDatabase))
            throw new BackupRejectedException($"{paths.WorkflowDatabase} does not exist: nothing to back up (is Data:Root right?)");
        var workflowCopy = Path.Combine(stagingFolder, SqliteBackupPaths.WorkflowFile);
        OnlineBackup(paths.WorkflowDatabase, workflowCopy);
        var notes = new List<string>();
        if (paths.HangfireDatabase is { } hangfire && File.Exists(hangfire))
            OnlineBackup(hangfire, Path.Combine(stagingFolder, SqliteBackupPaths.HangfireFile));
        else
            notes.Add("no Hangfire SQLite file: Hangfire state was not included (the sweep re-arms timers and jobs from the workflow database)");

        var skip = new List<string> { paths.WorkflowDatabase };
        if (paths.HangfireDatabase is not null)
            skip.Add(paths.HangfireDatabase);
        skip.AddRange(paths.Excluded);
        await DataFolderCopy.CopyAsync(paths.DataRoot, stagingFolder, skip, cancellationToken);
        var documentsCopy = Path.Combine(stagingFolder, SqliteBackupPaths.DocumentsFolder);
        if (paths.DocumentsRoot is { } documents && !IsUnder(documents, paths.DataRoot))
        {
            await DataFolderCopy.CopyAsync(documents, documentsCopy, paths.Excluded, cancellationToken);
            notes.Add($"the documents store {documents} lies outside the data root: it is restored as documents/ under the new data root");
        }
        else if (paths.DocumentsRoot is { } inside)
        {
            documentsCopy = Path.Combine(stagingFolder, Path.GetRelativePath(paths.DataRoot, inside));
        }

        await using var db = SqliteCopyContext.Open(workflowCopy, readOnly: true);
        var counts = await BackupCounts.ReadAsync(db, cancellationToken);
        counts["documents.files"] = DataFolderCopy.CountStoredDocuments(documentsCopy);
        return new BackupCapture(nameof(DatabaseProvider.Sqlite), await BackupCounts.SchemaMigrationAsync(db, cancellationToken), counts, notes);
    }

    /// <summary>The migrations this build can open, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations()
    {
        using var db = SqliteCopyContext.Open(":memory:", readOnly: false);
        return [.. db.Database.GetMigrations()];
    }

    private static void OnlineBackup(string source, string destination)
    {
        using var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False");
        using var to = new SqliteConnection($"Data Source={destination};Pooling=False");
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        // A single file that opens anywhere: the copy carries no WAL of its own.
        using var command = to.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    private static bool IsUnder(string path, string root)
    {
        var full = Path.GetFullPath(path);
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

using JcStar.Workflow.Persistence.Backups;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Data.Sqlite;

namespace JcStar.Workflow.Persistence.Sqlite.Backups;

/// <summary>
/// After a restore: the restored workflow.db goes back to WAL (the backup copy is a single file in
/// rollback-journal mode, and the server's read-only probe at start cannot switch it), passes SQLite's
/// integrity check and holds exactly the manifest's counts.
/// </summary>
public static class SqliteRestoreCheck
{
    /// <returns>One line per difference; empty when the restore matches the manifest.</returns>
    public static async Task<IReadOnlyList<string>> CompareAsync(string dataRoot, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var file = Path.Combine(dataRoot, SqliteBackupPaths.WorkflowFile);
        var problems = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
                problems.Add($"{file}: integrity check says {result}");
        }
        await using var db = SqliteCopyContext.Open(file, readOnly: false);
        var counts = await BackupCounts.ReadAsync(db, cancellationToken);
        counts["documents.files"] = DataFolderCopy.CountStoredDocuments(Path.Combine(dataRoot, SqliteBackupPaths.DocumentsFolder));
        foreach (var (key, expected) in manifest.Counts)
        {
            if (counts.TryGetValue(key, out var actual) && actual != expected)
                problems.Add($"{key}: manifest {expected}, restored {actual}");
        }
        return problems;
    }
}

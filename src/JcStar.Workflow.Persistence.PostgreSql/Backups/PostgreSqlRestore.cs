using JcStar.Workflow.Persistence.Backups;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JcStar.Workflow.Persistence.PostgreSql.Backups;

/// <summary>pg_restore of an extracted backup into an empty database, then the manifest's counts compared with what it holds.</summary>
public static class PostgreSqlRestore
{
    /// <summary>The migrations this build can open, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        PostgreSqlWorkflowDatabase.Configure(options, "Host=unused");
        using var db = new WorkflowDbContext(options.Options);
        return [.. db.Database.GetMigrations()];
    }

    /// <returns>One line per count that differs from the manifest; empty when it matches.</returns>
    public static async Task<IReadOnlyList<string>> RestoreAsync(string extractedFolder, BackupManifest manifest, string connectionString, CancellationToken cancellationToken, string pgRestore = "pg_restore")
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var tables = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
            var count = (long)(await tables.ExecuteScalarAsync(cancellationToken))!;
            if (count > 0)
                throw new BackupRejectedException($"database '{connection.Database}' is not empty ({count} tables); restore only into a new, empty database, never over live data");
        }
        var dump = Path.Combine(extractedFolder, PostgreSqlTools.DumpFile);
        await PostgreSqlTools.RunAsync(pgRestore, ["--no-owner", "--exit-on-error", dump], connectionString, cancellationToken);
        File.Delete(dump);

        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        PostgreSqlWorkflowDatabase.Configure(options, connectionString);
        await using var db = new WorkflowDbContext(options.Options);
        var counts = await BackupCounts.ReadAsync(db, cancellationToken);
        counts["documents.files"] = DataFolderCopy.CountStoredDocuments(Path.Combine(extractedFolder, PostgreSqlBackupSource.DocumentsFolder));
        return [.. manifest.Counts.Where(c => counts.TryGetValue(c.Key, out var actual) && actual != c.Value)
            .Select(c => $"{c.Key}: manifest {c.Value}, restored {counts[c.Key]}")];
    }
}

using JcStar.Workflow.Persistence.Backups;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Runtime.Backups;
using JcStar.Workflow.Scheme.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JcStar.Workflow.Persistence.PostgreSql.Backups;

/// <summary>
/// PostgreSQL: pg_dump (custom format) of the whole database, the Hangfire schema included, taken from a
/// snapshot this source exports and holds open, so the manifest's counts are read from exactly the data
/// dumped. Then the documents store, when it keeps files.
/// </summary>
/// <param name="documentsRoot">Documents:StoreRoot when Documents:Store is Files; archived as documents/.</param>
public sealed class PostgreSqlBackupSource(string connectionString, string? documentsRoot, string pgDump = "pg_dump") : IBackupSource
{
    public const string DocumentsFolder = "documents";

    public async Task<BackupCapture> CaptureAsync(string stagingFolder, CancellationToken cancellationToken)
    {
        // Without pg_dump the command to run by hand cannot name this source's snapshot (it ends with the refusal):
        // it dumps the database as it is then, which pg_dump alone keeps consistent.
        PostgreSqlTools.EnsureInstalled(pgDump, ["--format=custom", "--no-owner", "--file=jcstar.pgdump"], connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;

        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        options.UseNpgsql(connection, o => o.MigrationsAssembly(typeof(PostgreSqlWorkflowDatabase).Assembly.GetName().Name))
            .UseWorkflowDialect(PostgreSqlDialect.Instance)
            .AddWorkflowModel(SchemeModel.Instance);
        await using var db = new WorkflowDbContext(options.Options);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        var counts = await BackupCounts.ReadAsync(db, cancellationToken);
        var migration = await BackupCounts.SchemaMigrationAsync(db, cancellationToken);

        await PostgreSqlTools.RunAsync(pgDump, ["--format=custom", "--no-owner", $"--snapshot={snapshot}", $"--file={Path.Combine(stagingFolder, PostgreSqlTools.DumpFile)}"], connectionString, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var documentsCopy = Path.Combine(stagingFolder, DocumentsFolder);
        if (documentsRoot is not null)
            await DataFolderCopy.CopyAsync(documentsRoot, documentsCopy, [], cancellationToken);
        counts["documents.files"] = DataFolderCopy.CountStoredDocuments(documentsCopy);
        return new BackupCapture(nameof(DatabaseProvider.PostgreSql), migration, counts,
            [$"restore: `jcstar db restore FILE --to DIR --connection \"…\"` runs pg_restore into an empty database; documents/ becomes the store under DIR"]);
    }
}

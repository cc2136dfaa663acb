using JcStar.Workflow.Documents;
using JcStar.Workflow.Hangfire;
using JcStar.Workflow.Hangfire.Hosting;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql.Backups;
using JcStar.Workflow.Persistence.Sqlite.Backups;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Data.Sqlite;

namespace JcStar.Workflow.Server.Hosting;

public static class BackupRegistration
{
    /// <summary>Scheduled backups ("Backup") of the same state `jcstar db backup` archives: database, documents store, Hangfire.</summary>
    public static WebApplicationBuilder AddWorkflowBackups(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var options = config.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        var database = DatabaseRegistration.Resolve(config);
        var dataRoot = (config.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions()).FullRoot;
        var documents = config.GetSection(DocumentsOptions.SectionName).Get<DocumentsOptions>() ?? new DocumentsOptions();
        var documentsRoot = !string.Equals(documents.Store, "Files", StringComparison.OrdinalIgnoreCase) ? null
            : documents.StoreRoot == new DocumentsOptions().StoreRoot ? Path.Combine(dataRoot, "documents") : Path.GetFullPath(documents.StoreRoot);
        var hangfire = config.GetSection(WorkflowHangfireOptions.Section).Get<WorkflowHangfireOptions>() ?? new WorkflowHangfireOptions();
        var backupFolder = Path.GetFullPath(options.Folder);
        builder.Services.AddWorkflowBackups(options, _ => database.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteBackupSource(new SqliteBackupPaths(
                dataRoot,
                Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource),
                hangfire.Storage is null or HangfireStorageKind.Sqlite ? (hangfire.ConnectionString is { Length: > 0 } h ? Path.GetFullPath(h) : Path.Combine(dataRoot, "hangfire.db")) : null,
                documentsRoot,
                backupFolder.StartsWith(dataRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? [backupFolder] : [])),
            DatabaseProvider.PostgreSql => new PostgreSqlBackupSource(database.ConnectionString, documentsRoot),
            _ => throw new InvalidOperationException($"scheduled backups support Sqlite and PostgreSql, not {database.Provider}; set Backup:Enabled=false and use the database's own backups"),
        });
        return builder;
    }
}

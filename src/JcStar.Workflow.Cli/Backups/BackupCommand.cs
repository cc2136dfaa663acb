using System.CommandLine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql.Backups;
using JcStar.Workflow.Persistence.Sqlite.Backups;
using JcStar.Workflow.Runtime.Backups;

namespace JcStar.Workflow.Cli.Backups;

/// <summary>
/// <c>jcstar db backup --out FILE</c>: one archive with the workflow database, the documents store and
/// the Hangfire state, taken consistently while the server runs, with a manifest of counts and checksums.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "the archive to write (a new file, e.g. backups/jcstar-2026-11-26.zip)", Required = true };
        var data = new Option<string?>("--data") { Description = "the data root (Data:Root, default ./data)" };
        var provider = new Option<DatabaseProvider?>("--provider") { Description = "Sqlite or PostgreSql (default: Database:Provider)" };
        var connection = new Option<string?>("--connection") { Description = "the workflow database's connection string (default: Database:ConnectionString)" };
        var command = new Command("backup", "back up the workflow database, documents and Hangfire state into one archive (safe while the server runs)");
        command.Options.Add(output);
        command.Options.Add(data);
        command.Options.Add(provider);
        command.Options.Add(connection);
        command.SetAction(async (parse, ct) =>
        {
            var settings = CliDataSettings.Resolve(parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(data));
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var source = SourceFor(settings, Path.GetFullPath(parse.GetValue(output)!));
                var archive = Path.GetFullPath(parse.GetValue(output)!);
                var manifest = await BackupArchive.CreateAsync(source, archive, TimeProvider.System, ct);
                stdout.WriteLine($"wrote {archive} ({new FileInfo(archive).Length} bytes, {manifest.Files.Count} files, schema {manifest.SchemaMigration})");
                foreach (var (key, count) in manifest.Counts)
                    stdout.WriteLine($"  {key}: {count}");
                foreach (var note in manifest.Notes)
                    stdout.WriteLine($"note: {note}");
                return 0;
            }
            catch (BackupRejectedException e)
            {
                stderr.WriteLine($"backup failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    internal static IBackupSource SourceFor(CliDataSettings settings, string archive) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteBackupSource(new SqliteBackupPaths(
            settings.DataRoot,
            settings.WorkflowDatabaseFile,
            settings.HangfireFile,
            settings.DocumentsInFiles ? settings.DocumentsRoot : null,
            ExcludedFolder(settings.DataRoot, Path.GetDirectoryName(archive)!))),
        DatabaseProvider.PostgreSql => new PostgreSqlBackupSource(
            settings.ConnectionString ?? throw new BackupRejectedException("--connection (or JCSTAR_DATABASE__CONNECTIONSTRING) is required for PostgreSql"),
            settings.DocumentsInFiles ? settings.DocumentsRoot : null),
        _ => throw new BackupRejectedException($"backups of {settings.Provider} are not supported by jcstar; use the database's own tools"),
    };

    /// <summary>A backup folder under the data root stays out of the backup (or each would hold all earlier ones).</summary>
    internal static IReadOnlyList<string> ExcludedFolder(string dataRoot, string backupFolder) =>
        Path.GetFullPath(backupFolder).StartsWith(Path.GetFullPath(dataRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? [Path.GetFullPath(backupFolder)] : [];
}

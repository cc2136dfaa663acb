using System.CommandLine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite.Backups;
using JcStar.Workflow.Runtime.Backups;

namespace JcStar.Workflow.Cli.Backups;

/// <summary>
/// <c>jcstar db restore FILE --to DIR</c>: checks the archive (manifest, checksums, schema) and unpacks it
/// into a new or empty folder that becomes a data root; never over live data.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var archive = new Argument<string>("FILE") { Description = "a backup archive written by `jcstar db backup`" };
        var to = new Option<string>("--to") { Description = "a new or empty folder: the restored data root", Required = true };
        var command = new Command("restore", "check a backup archive and restore it into a new or empty folder");
        command.Arguments.Add(archive);
        command.Options.Add(to);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var file = Path.GetFullPath(parse.GetValue(archive)!);
            var target = Path.GetFullPath(parse.GetValue(to)!);
            try
            {
                var provider = BackupArchive.ReadManifest(file).Provider;
                if (provider != nameof(DatabaseProvider.Sqlite))
                    throw new BackupRejectedException($"{file} holds a {provider} backup, which this jcstar cannot restore");
                var manifest = await BackupArchive.ExtractAsync(file, target, SqliteBackupSource.KnownMigrations(), ct);
                var problems = await SqliteRestoreCheck.CompareAsync(target, manifest, ct);
                if (problems.Count > 0)
                {
                    foreach (var problem in problems)
                        stderr.WriteLine($"restore check failed: {problem}");
                    return 1;
                }
                stdout.WriteLine($"restored {manifest.Files.Count} files from the backup of {manifest.CreatedAt:O} into {target}; counts match the manifest");
                stdout.WriteLine($"start the server on it: JCSTAR_DATA__ROOT is for the CLI; the server reads Data__Root={target}");
                return 0;
            }
            catch (BackupRejectedException e)
            {
                stderr.WriteLine($"restore refused: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}

using System.CommandLine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql.Backups;
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
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL: a new, empty database to pg_restore into (without it, the command to run is printed)" };
        var command = new Command("restore", "check a backup archive and restore it into a new or empty folder");
        command.Arguments.Add(archive);
        command.Options.Add(to);
        command.Options.Add(connection);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var file = Path.GetFullPath(parse.GetValue(archive)!);
            var target = Path.GetFullPath(parse.GetValue(to)!);
            try
            {
                var provider = BackupArchive.ReadManifest(file).Provider;
                BackupManifest manifest;
                IReadOnlyList<string> problems;
                if (provider == nameof(DatabaseProvider.Sqlite))
                {
                    manifest = await BackupArchive.ExtractAsync(file, target, SqliteBackupSource.KnownMigrations(), ct);
                    problems = await SqliteRestoreCheck.CompareAsync(target, manifest, ct);
                }
                else if (provider == nameof(DatabaseProvider.PostgreSql))
                {
                    manifest = await BackupArchive.ExtractAsync(file, target, PostgreSqlRestore.KnownMigrations(), ct);
                    if (parse.GetValue(connection) is not { } database)
                    {
                        stdout.WriteLine($"unpacked into {target}; now load the database into a new, empty PostgreSQL database (PGPASSWORD set):");
                        stdout.WriteLine($"  pg_restore --no-owner --exit-on-error --host=… --port=… --username=… --dbname=… {Path.Combine(target, PostgreSqlTools.DumpFile)}");
                        stdout.WriteLine($"or run: jcstar db restore {file} --to NEW-EMPTY-FOLDER --connection \"Host=…;Database=…;Username=…;Password=…\"");
                        return 0;
                    }
                    problems = await PostgreSqlRestore.RestoreAsync(target, manifest, database, ct);
                }
                else
                {
                    throw new BackupRejectedException($"{file} holds a {provider} backup, which this jcstar cannot restore");
                }
                if (problems.Count > 0)
                {
                    foreach (var problem in problems)
                        stderr.WriteLine($"restore check failed: {problem}");
                    return 1;
                }
                stdout.WriteLine($"restored {manifest.Files.Count} files from the backup of {manifest.CreatedAt:O} into {target}; counts match the manifest");
                stdout.WriteLine($"start the server on it with Data:Root set to {target} (e.g. Data__Root={target} dotnet run --project src/JcStar.Workflow.Server)");
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

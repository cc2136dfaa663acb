using JcStar.Workflow.Runtime.Backups;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

[Collection(nameof(ServerCollection))]
public sealed class PostgreSqlBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jcstar-pgbackup-").FullName;

    [Fact]
    public async Task A_pg_dump_backup_taken_under_load_restores_into_an_empty_database_where_every_case_continues()
    {
        var server = ScratchDatabase.RequireServer();
        await using var sourceDb = await ScratchDatabase.CreateAsync(server, "drill_src");
        await using var restoredDb = await ScratchDatabase.CreateAsync(server, "drill_dst");
        var drill = new RestoreDrill(_root);
        DrillProcesses.WriteTo(drill.Workflows);
        var archive = Path.Combine(_root, "backups", "jcstar-pg.zip");
        var sourceData = Path.Combine(_root, "data");
        await using (var source = new DrillServer(sourceData, drill.Workflows, runHangfire: false, TimeSpan.FromDays(1), sourceDb.ConnectionString))
        {
            await drill.RunCasesAndBackUpUnderLoadAsync(source, async () =>
            {
                var (exit, output, error) = await Cli.Db("backup", "--out", archive, "--data", sourceData, "--provider", "PostgreSql", "--connection", sourceDb.ConnectionString);
                Assert.True(exit == 0, error);
                Assert.Contains("timers.pending", output);
            });
        }

        var restoredRoot = Path.Combine(_root, "restored");
        var (restoreExit, restoreOut, restoreErr) = await Cli.Db("restore", archive, "--to", restoredRoot, "--connection", restoredDb.ConnectionString);
        Assert.True(restoreExit == 0, restoreErr);
        Assert.Contains("counts match the manifest", restoreOut);
        var manifest = BackupArchive.ReadManifest(archive);
        Assert.Equal("PostgreSql", manifest.Provider);
        Assert.Equal(3, manifest.Counts["documents.files"]);

        await using var restored = new DrillServer(restoredRoot, drill.Workflows, runHangfire: true, TimeSpan.FromMilliseconds(500), restoredDb.ConnectionString);
        await drill.ContinueOnRestoredServerAsync(restored, manifest, Path.Combine(restoredRoot, "outbox"));
    }

    [Fact]
    public async Task A_restore_into_a_database_that_holds_tables_is_refused()
    {
        var server = ScratchDatabase.RequireServer();
        await using var sourceDb = await ScratchDatabase.CreateAsync(server, "refuse_src");
        Assert.Equal(0, (await Cli.Db("migrate", "--provider", "PostgreSql", "--connection", sourceDb.ConnectionString)).Exit);
        var archive = Path.Combine(_root, "pg.zip");
        var (exit, _, error) = await Cli.Db("backup", "--out", archive, "--data", Path.Combine(_root, "none"), "--provider", "PostgreSql", "--connection", sourceDb.ConnectionString);
        Assert.True(exit == 0, error);

        var (restoreExit, _, restoreErr) = await Cli.Db("restore", archive, "--to", Path.Combine(_root, "restored"), "--connection", sourceDb.ConnectionString);
        Assert.Equal(1, restoreExit);
        Assert.Contains($"database '{sourceDb.Name}' is not empty", restoreErr);
    }

    [Fact]
    public async Task Without_pg_dump_the_backup_is_refused_with_the_command_to_run_and_that_command_works_as_printed()
    {
        var server = ScratchDatabase.RequireServer();
        await using var db = await ScratchDatabase.CreateAsync(server, "nodump");
        Assert.Equal(0, (await Cli.Db("migrate", "--provider", "PostgreSql", "--connection", db.ConnectionString)).Exit);
        var source = new JcStar.Workflow.Persistence.PostgreSql.Backups.PostgreSqlBackupSource(db.ConnectionString, null, Path.Combine(_root, "not-installed", "pg_dump"));

        var refused = await Assert.ThrowsAsync<BackupRejectedException>(() => source.CaptureAsync(Path.Combine(_root, "staging"), TestContext.Current.CancellationToken));

        Assert.StartsWith("pg_dump is not installed", refused.Message);
        // A snapshot this source exported would be gone by the time someone runs the command: it must not name one.
        Assert.DoesNotContain("--snapshot", refused.Message);
        var command = refused.Message.Split('\n')[^1].Trim().Split(' ');
        Assert.Equal("pg_dump", command[0]);
        Assert.Contains($"--dbname={db.Name}", command);
        var run = new System.Diagnostics.ProcessStartInfo("pg_dump") { WorkingDirectory = _root, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command[1..])
            run.ArgumentList.Add(argument);
        run.Environment["PGPASSWORD"] = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString).Password;
        using var process = System.Diagnostics.Process.Start(run)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
        Assert.True(new FileInfo(Path.Combine(_root, "jcstar.pgdump")).Length > 0);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is disposable anyway
        }
    }
}

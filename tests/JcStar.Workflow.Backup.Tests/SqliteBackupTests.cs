using JcStar.Workflow.Runtime.Backups;
using Microsoft.Data.Sqlite;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

[Collection(nameof(ServerCollection))]
public sealed class SqliteBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jcstar-backup-").FullName;

    private string Source => Path.Combine(_root, "data");

    private string Archive => Path.Combine(_root, "backups", "jcstar.zip");

    [Fact]
    public async Task A_backup_taken_under_load_restores_into_a_new_folder_where_every_case_continues()
    {
        var drill = new RestoreDrill(_root);
        DrillProcesses.WriteTo(drill.Workflows);
        await using (var source = new DrillServer(Source, drill.Workflows, runHangfire: false, mailInterval: TimeSpan.FromDays(1)))
        {
            await drill.RunCasesAndBackUpUnderLoadAsync(source, async () =>
            {
                var (exit, output, error) = await Cli.Db("backup", "--out", Archive, "--data", Source);
                Assert.True(exit == 0, error);
                Assert.Contains("timers.pending", output);
            });
        }
        SqliteConnection.ClearAllPools();

        var restoredRoot = Path.Combine(_root, "restored");
        var (restoreExit, restoreOut, restoreErr) = await Cli.Db("restore", Archive, "--to", restoredRoot);
        Assert.True(restoreExit == 0, restoreErr);
        Assert.Contains("counts match the manifest", restoreOut);
        var manifest = BackupArchive.ReadManifest(Archive);
        Assert.Contains(manifest.Files, f => f.Path == "workflow.db");
        Assert.Contains(manifest.Files, f => f.Path == "hangfire.db");
        Assert.Equal(3, manifest.Counts["documents.files"]);

        await using var restored = new DrillServer(restoredRoot, drill.Workflows, runHangfire: true, mailInterval: TimeSpan.FromMilliseconds(500));
        await drill.ContinueOnRestoredServerAsync(restored, manifest, Path.Combine(restoredRoot, "outbox"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Hangfire's SQLite storage may still hold its file for a moment; the temp folder is disposable anyway.
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using JcStar.Workflow.Persistence.Sqlite.Backups;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

[Collection(nameof(ServerCollection))]
public sealed class ScheduledBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jcstar-scheduled-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_server_registers_the_recurring_backup_and_shows_the_last_one_to_admins_only()
    {
        var drill = new RestoreDrill(_root);
        DrillProcesses.WriteTo(drill.Workflows);
        await using var server = new DrillServer(Path.Combine(_root, "data"), drill.Workflows, runHangfire: true, TimeSpan.FromDays(1));
        server.Settings["Backup:Enabled"] = "true";
        server.Settings["Backup:Cron"] = "0 4 * * *";
        var admin = server.Admin();

        using (var connection = server.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.Contains(connection.GetRecurringJobs(), j => j.Id == "jcstar-backup" && j.Cron == "0 4 * * *");

        var manifest = await server.Services.GetRequiredService<ScheduledBackup>().RunAsync(Ct);
        var detail = await admin.GetFromJsonAsync<JsonElement>("/health", Ct);
        Assert.Equal("Healthy", detail.GetProperty("status").GetString());
        var backup = detail.GetProperty("backup");
        Assert.Equal(manifest.CreatedAt, backup.GetProperty("lastSucceededAt").GetDateTimeOffset());
        Assert.Equal(new FileInfo(backup.GetProperty("lastFile").GetString()!).Length, backup.GetProperty("lastSize").GetInt64());
        Assert.Equal(JsonValueKind.Null, backup.GetProperty("lastError").ValueKind);

        Assert.Equal("Healthy", await server.CreateClient().GetStringAsync("/health", Ct));
    }

    [Fact]
    public async Task Scheduled_backups_keep_the_newest_few_and_a_failure_or_an_old_backup_is_warned_about()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        Assert.Equal(0, (await Cli.Db("migrate", "--connection", $"Data Source={Path.Combine(data, "workflow.db")}")).Exit);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
        var options = new BackupOptions { Folder = Path.Combine(_root, "backups"), Keep = 2, WarnAfter = TimeSpan.FromHours(26) };
        var backup = new ScheduledBackup(new SqliteBackupSource(SqliteBackupPaths.Under(data)), options, clock, NullLogger<ScheduledBackup>.Instance);

        for (var day = 0; day < 3; day++)
        {
            await backup.RunAsync(Ct);
            clock.Advance(TimeSpan.FromDays(1));
        }
        Assert.Equal(["jcstar-20261102T030000Z.zip", "jcstar-20261103T030000Z.zip"],
            Directory.EnumerateFiles(options.Folder, "*.zip").Select(Path.GetFileName).Order());
        Assert.Null(backup.CheckFreshness());

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Contains("older than Backup:WarnAfter", backup.CheckFreshness());

        SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(data, "workflow.db"));
        await Assert.ThrowsAsync<BackupRejectedException>(() => backup.RunAsync(Ct));
        var status = backup.ReadStatus();
        Assert.Contains("workflow.db does not exist", status.LastError);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 3, 0, 0, TimeSpan.Zero), status.LastSucceededAt);
        Assert.Contains("failed", backup.CheckFreshness());
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

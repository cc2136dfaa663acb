using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Backups;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

/// <summary>
/// A recurring run already in Hangfire's queue when its schedule is switched off (or left there by a server that stopped
/// during it, which Hangfire hands to the next server at its start) does nothing once the setting says off.
/// </summary>
public sealed class SwitchedOffJobTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jcstar-switched-off-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_queued_backup_does_not_run_once_backups_are_switched_off()
    {
        var source = new CountingSource();
        var options = new BackupOptions { Enabled = false, Folder = Path.Combine(_root, "backups") };
        var job = new BackupJob(new ScheduledBackup(source, options, TimeProvider.System, NullLogger<ScheduledBackup>.Instance), options, NullLogger<BackupJob>.Instance);

        await job.RunAsync(Ct);
        Assert.Equal(0, source.Captures);
        Assert.False(Directory.Exists(options.Folder));

        options.Enabled = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(Ct));
        Assert.Equal(1, source.Captures);
        Assert.Contains("nothing to capture here", new ScheduledBackup(source, options, TimeProvider.System, NullLogger<ScheduledBackup>.Instance).ReadStatus().LastError);
    }

    [Fact]
    public async Task A_queued_retention_run_does_not_run_once_retention_is_switched_off()
    {
        // Letters to remove but no document store: a retention run that starts refuses at once, which shows whether it started.
        var options = new RetentionOptions { Enabled = false, LettersKeptFor = TimeSpan.FromDays(1) };
        var job = new RetentionJob(new CaseRetention(null!, null!, options, TimeProvider.System, NullLogger<CaseRetention>.Instance), options, NullLogger<RetentionJob>.Instance);

        await job.RunAsync(Ct);

        options.Enabled = true;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(Ct));
        Assert.Contains("LettersKeptFor", refused.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class CountingSource : IBackupSource
    {
        public int Captures { get; private set; }

        public Task<BackupCapture> CaptureAsync(string stagingFolder, CancellationToken cancellationToken)
        {
            Captures++;
            throw new InvalidOperationException("nothing to capture here");
        }
    }
}

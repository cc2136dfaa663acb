using JcStar.Workflow.Runtime.Backups;
using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>Every Backup:CheckInterval, logs a warning when the last backup failed or is older than Backup:WarnAfter.</summary>
public sealed class BackupFreshnessMonitor(ScheduledBackup backup, BackupOptions options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first check waits one interval: a node that just started has had no chance to back up yet.
        using var timer = new PeriodicTimer(options.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            backup.CheckFreshness();
    }
}

using Hangfire;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>
/// Recurring: one scheduled backup. Never two at once, and a failure waits for the next occurrence (it is logged and shown
/// on /health). A run queued before Backup:Enabled was switched off (or left in the queue by a server that stopped during
/// it, which Hangfire hands to the next server) does nothing: switching backups off stops them, not only the schedule.
/// </summary>
public sealed class BackupJob(ScheduledBackup backup, BackupOptions options, ILogger<BackupJob> logger)
{
    /// <summary>Its id among Hangfire's recurring jobs.</summary>
    public const string RecurringJobId = "jcstar-backup";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("A queued scheduled backup was skipped: Backup:Enabled is false");
            return Task.CompletedTask;
        }
        return backup.RunAsync(cancellationToken);
    }
}

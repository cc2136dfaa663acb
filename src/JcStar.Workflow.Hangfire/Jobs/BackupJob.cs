using Hangfire;
using JcStar.Workflow.Runtime.Backups;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>Recurring: one scheduled backup. Never two at once, and a failure waits for the next occurrence (it is logged and shown on /health).</summary>
public sealed class BackupJob(ScheduledBackup backup)
{
    /// <summary>Its id among Hangfire's recurring jobs.</summary>
    public const string RecurringJobId = "jcstar-backup";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => backup.RunAsync(cancellationToken);
}

using Hangfire;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>
/// Recurring: one retention run as the system. Never two at once; a failure waits for the next occurrence (the cases it
/// did not reach are due again then). A run queued before Retention:Enabled was switched off does nothing.
/// </summary>
public sealed class RetentionJob(CaseRetention retention, RetentionOptions options, ILogger<RetentionJob> logger)
{
    /// <summary>Its id among Hangfire's recurring jobs.</summary>
    public const string RecurringJobId = "jcstar-retention";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("A queued retention run was skipped: Retention:Enabled is false");
            return;
        }
        await retention.RunAsync(dryRun: false, WorkflowActor.System, cancellationToken);
    }
}

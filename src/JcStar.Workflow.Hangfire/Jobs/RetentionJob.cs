using Hangfire;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Retention;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>Recurring: one retention run as the system. Never two at once; a failure waits for the next occurrence (the cases it did not reach are due again then).</summary>
public sealed class RetentionJob(CaseRetention retention)
{
    /// <summary>Its id among Hangfire's recurring jobs.</summary>
    public const string RecurringJobId = "jcstar-retention";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(dryRun: false, WorkflowActor.System, cancellationToken);
}

using Hangfire;
using JcStar.Workflow.Runtime;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>Recurring: fires timers and runs jobs whose wake-up was lost (a crash, a schedule dropped with Hangfire's storage).</summary>
public sealed class SweepJob(WorkflowSweep sweep, IOptions<RuntimeOptions> options)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.SweepAsync(options.Value.SweepGrace, cancellationToken);
}

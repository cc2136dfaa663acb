using Hangfire;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>
/// Carries a job id only and calls the runtime once (like Elsa's ResumeWorkflowJob). The job row's
/// status decides what happens, so a second delivery of this Hangfire job does nothing.
/// </summary>
public sealed class RunActivityJob(JobRunner jobs)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public Task RunAsync(string jobId, CancellationToken cancellationToken) => jobs.RunJobAsync(jobId, cancellationToken);
}

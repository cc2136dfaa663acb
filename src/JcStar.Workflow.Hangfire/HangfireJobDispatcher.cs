using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Hangfire;

public sealed class HangfireJobDispatcher(IBackgroundJobClient client, TimeProvider time) : IJobDispatcher
{
    public Task DispatchAsync(string jobId, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        if (runAt <= time.GetUtcNow())
            client.Enqueue<RunActivityJob>(j => j.RunAsync(jobId, CancellationToken.None));
        else
            client.Schedule<RunActivityJob>(j => j.RunAsync(jobId, CancellationToken.None), runAt);
        return Task.CompletedTask;
    }
}

using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Hangfire;

public sealed class HangfireTimerScheduler(IBackgroundJobClient client, TimeProvider time) : ITimerScheduler
{
    public Task ScheduleAsync(string timerId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (dueAt <= time.GetUtcNow())
            client.Enqueue<FireTimerJob>(j => j.RunAsync(timerId, CancellationToken.None));
        else
            client.Schedule<FireTimerJob>(j => j.RunAsync(timerId, CancellationToken.None), dueAt);
        return Task.CompletedTask;
    }
}

using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Cli.Migration;

/// <summary>
/// The command line has no background worker: timers and jobs a migration arms are committed as pending rows, and
/// the server's sweep wakes them (as it does for any wake-up that was committed but not scheduled).
/// </summary>
internal sealed class SweptWakeUps : ITimerScheduler, IJobDispatcher
{
    public Task ScheduleAsync(string timerId, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DispatchAsync(string jobId, DateTimeOffset runAt, CancellationToken cancellationToken) => Task.CompletedTask;
}

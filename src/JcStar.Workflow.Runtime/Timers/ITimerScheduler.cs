namespace JcStar.Workflow.Runtime.Timers;

/// <summary>
/// Wakes the runtime when a timer is due (Hangfire in the server). Called after the timer's row is
/// committed; losing a wake-up is harmless because the sweep fires every due row.
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(string timerId, DateTimeOffset dueAt, CancellationToken cancellationToken);
}

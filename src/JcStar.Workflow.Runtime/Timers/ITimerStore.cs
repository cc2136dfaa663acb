namespace JcStar.Workflow.Runtime.Timers;

public interface ITimerStore
{
    Task<TimerRecord?> FindAsync(string timerId, CancellationToken cancellationToken);

    /// <summary>Pending timers due at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<TimerRecord>> FindDueAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimerRecord>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken);
}

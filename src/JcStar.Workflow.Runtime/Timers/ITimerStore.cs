namespace JcStar.Workflow.Runtime.Timers;

public interface ITimerStore
{
    Task<TimerRecord?> FindAsync(string timerId, CancellationToken cancellationToken);

    /// <summary>Pending timers due at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<TimerRecord>> FindDueAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimerRecord>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The process's start-event timers (every version, every status), earliest due first.</summary>
    Task<IReadOnlyList<TimerRecord>> ListStartTimersAsync(string processId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="definitionId"/> the version whose start events the process's timers start, in one
    /// transaction: pending start-event timers of the process's other versions are cancelled, and
    /// <paramref name="timers"/> are inserted unless that version already has start-event timers (in any
    /// status: its schedule was armed before, by this node or another). Safe to call again and from several nodes at once.
    /// </summary>
    Task<StartTimerChange> ReplaceStartTimersAsync(string processId, string definitionId, IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken);
}

/// <param name="Armed">The timers inserted (none when the version was armed before).</param>
/// <param name="Cancelled">The other versions' timers that were pending and are now cancelled.</param>
public sealed record StartTimerChange(IReadOnlyList<TimerRecord> Armed, IReadOnlyList<TimerRecord> Cancelled)
{
    public bool IsEmpty => Armed.Count == 0 && Cancelled.Count == 0;
}

namespace JcStar.Workflow.Runtime.Timers;

/// <summary>
/// A timer the engine armed for an instance, or a process-level timer start event armed at deployment
/// (<see cref="DefinitionId"/> set, no instance). The row is the truth; a scheduled background job is
/// only a wake-up call.
/// </summary>
public sealed record TimerRecord
{
    public required string Id { get; init; }

    /// <summary>
    /// The engine's id for an instance timer; for a start-event timer "start-{Occurrence}", or "start-{Occurrence}-{timer}"
    /// for a start event's later timer (from 1, in document order): no engine state holds it.
    /// </summary>
    public required string EngineTimerId { get; init; }

    /// <summary>The instance that waits on it; null for a start-event timer.</summary>
    public string? InstanceId { get; init; }
    public required string ElementId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required TimerStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>For a start-event timer: the deployed version whose start event <see cref="ElementId"/> it starts.</summary>
    public string? DefinitionId { get; init; }

    /// <summary>For a start-event timer: the process of <see cref="DefinitionId"/>.</summary>
    public string? ProcessId { get; init; }

    /// <summary>For a start-event timer: how many occurrences of its schedule came before this one (a cycle counts its repetitions with it).</summary>
    public int Occurrence { get; init; }

    /// <summary>For a start-event timer: when its schedule was armed (the deployment); a cycle's occurrences count from it.</summary>
    public DateTimeOffset? ArmedAt { get; init; }

    public bool IsStartEvent => DefinitionId is not null;
}

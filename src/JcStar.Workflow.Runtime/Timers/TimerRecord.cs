namespace JcStar.Workflow.Runtime.Timers;

/// <summary>A timer the engine armed. The row is the truth; a scheduled background job is only a wake-up call.</summary>
public sealed record TimerRecord
{
    public required string Id { get; init; }
    public required string EngineTimerId { get; init; }
    public required string InstanceId { get; init; }
    public required string ElementId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required TimerStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FiredAt { get; init; }
}

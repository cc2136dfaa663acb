using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>A scheduled timer owned by an element instance; <see cref="ElementId"/> is the timer event.</summary>
public sealed record TimerState
{
    public int Id { get; init; }
    public int Owner { get; init; }
    public required string ElementId { get; init; }
    public TimerKind Kind { get; init; }

    /// <summary>The ISO 8601 value after expression evaluation, kept so cycles re-arm from the same value.</summary>
    public required string Value { get; init; }
    public DateTimeOffset ArmedAt { get; init; }
    public int Fired { get; init; }
    public DateTimeOffset DueAt { get; init; }
}

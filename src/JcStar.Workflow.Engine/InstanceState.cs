using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Everything about one process instance between two commands: tokens, scopes, variables, open
/// waits. Immutable; serialized with <see cref="InstanceStateSerializer"/>.
/// </summary>
public sealed record InstanceState
{
    public required string InstanceId { get; init; }
    public required string ProcessId { get; init; }
    public string? BusinessKey { get; init; }
    public InstanceStatus Status { get; init; }

    /// <summary>The last number handed out; every id (token, task, job, timer, subscription, incident) is "{InstanceId}:{number}".</summary>
    public int LastId { get; init; }

    /// <summary>Live element instances in creation order; the process instance (Parent 0) first.</summary>
    public ImmutableArray<ElementInstance> Elements { get; init; } = [];
    public ImmutableArray<TimerState> Timers { get; init; } = [];
    public ImmutableArray<SubscriptionState> Subscriptions { get; init; } = [];
    public ImmutableArray<JoinArrival> Joins { get; init; } = [];
    public ImmutableArray<IncidentState> Incidents { get; init; } = [];

    /// <summary>Completed activities that a compensation may still undo, in order of completion.</summary>
    public ImmutableArray<CompensationRecord> Compensations { get; init; } = [];

    /// <summary>The external id of a number handed out by this instance.</summary>
    public string IdOf(int number) => $"{InstanceId}:{number}";
}

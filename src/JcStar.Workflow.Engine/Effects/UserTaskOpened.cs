using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

/// <summary>A human task is waiting; every expression of the model's human-task definition is already evaluated.</summary>
public sealed record UserTaskOpened(
    string TaskId,
    string ElementId,
    string? Name,
    string? Assignee,
    ImmutableArray<string> CandidateUsers,
    ImmutableArray<string> CandidateGroups,
    DateTimeOffset? DueDate,
    DateTimeOffset? FollowUpDate,
    int Priority,
    string? FormKey,
    string? Documentation) : EngineEffect;

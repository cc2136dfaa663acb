using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>A user task as staff see it in their inbox; the engine knows it by <see cref="EngineTaskId"/>.</summary>
public sealed record HumanTask
{
    public required string Id { get; init; }
    public required string EngineTaskId { get; init; }
    public required string InstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public required string ProcessId { get; init; }
    public string? BusinessKey { get; init; }
    public required string ElementId { get; init; }
    public string? Name { get; init; }
    public string? Assignee { get; init; }
    public ImmutableArray<string> CandidateUsers { get; init; } = [];
    public ImmutableArray<string> CandidateGroups { get; init; } = [];
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public int Priority { get; init; }
    public string? FormKey { get; init; }
    public string? Documentation { get; init; }
    public required HumanTaskStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? CompletedBy { get; init; }

    /// <summary>The submitted form as a JSON object, kept for the audit trail.</summary>
    public string? FormDataJson { get; init; }

    public bool IsCandidate(WorkflowActor actor) =>
        CandidateUsers.Contains(actor.Id, StringComparer.Ordinal) || CandidateGroups.Any(actor.IsIn);

    /// <summary>Assignee, candidates and admins see the task's data; nobody else.</summary>
    public bool IsVisibleTo(WorkflowActor actor) =>
        actor.IsAdmin || string.Equals(Assignee, actor.Id, StringComparison.Ordinal) || IsCandidate(actor);

    /// <summary>The assignee, or a candidate while nobody holds it, or an admin.</summary>
    public bool MayBeCompletedBy(WorkflowActor actor) =>
        actor.IsAdmin || (Assignee is null ? IsCandidate(actor) : string.Equals(Assignee, actor.Id, StringComparison.Ordinal));
}

using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// Who does a user task and by when, from jc:, camunda: (7) or zeebe: (8) attributes, or the spec's
/// potentialOwner. Each value is an expression or a literal; candidate lists are comma-separated.
/// </summary>
public sealed record HumanTaskDefinition
{
    public Expression? Assignee { get; init; }
    public ImmutableArray<Expression> CandidateUsers { get; init; } = [];
    public ImmutableArray<Expression> CandidateGroups { get; init; } = [];
    public Expression? DueDate { get; init; }
    public Expression? FollowUpDate { get; init; }
    public Expression? Priority { get; init; }
    public string? FormKey { get; init; }

    public static HumanTaskDefinition None { get; } = new();
}

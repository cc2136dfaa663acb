using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A condition checked as each instance of a Complex multi-instance completes, and the events it then throws.</summary>
public sealed record ComplexBehaviorDefinition
{
    public string? Id { get; init; }
    public Expression? Condition { get; init; }
    public ImmutableArray<EventDefinition> Events { get; init; } = [];
}

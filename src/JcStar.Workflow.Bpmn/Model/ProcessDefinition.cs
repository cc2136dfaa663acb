using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

public sealed record ProcessDefinition
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public bool IsExecutable { get; init; }
    public string? Documentation { get; init; }
    public SourceLocation Location { get; init; }
    public FlowScope Scope { get; init; } = FlowScope.Empty;

    /// <summary>Groups whose members may start the process (jc:/camunda:candidateStarterGroups); none named means admins only.</summary>
    public ImmutableArray<string> CandidateStarterGroups { get; init; } = [];

    /// <summary>Users who may start the process (jc:/camunda:candidateStarterUsers).</summary>
    public ImmutableArray<string> CandidateStarterUsers { get; init; } = [];
}

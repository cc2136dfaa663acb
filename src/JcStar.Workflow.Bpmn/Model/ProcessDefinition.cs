namespace JcStar.Workflow.Bpmn.Model;

public sealed record ProcessDefinition
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public bool IsExecutable { get; init; }
    public string? Documentation { get; init; }
    public SourceLocation Location { get; init; }
    public FlowScope Scope { get; init; } = FlowScope.Empty;
}

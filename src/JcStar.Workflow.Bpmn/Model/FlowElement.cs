namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Anything that lives in a process or sub-process: flow nodes and sequence flows.</summary>
public abstract record FlowElement
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Documentation { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>The BPMN XML local name of the element, e.g. <c>userTask</c>.</summary>
    public abstract string ElementType { get; }
}

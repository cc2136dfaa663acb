namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A bpmndi:BPMNShape. <see cref="BpmnElement"/> is the id (as written) of the element it draws.</summary>
public sealed record BpmnShape
{
    public string? Id { get; init; }
    public required string BpmnElement { get; init; }
    public Bounds? Bounds { get; init; }
    public bool? IsExpanded { get; init; }
    public bool? IsMarkerVisible { get; init; }
    public bool? IsHorizontal { get; init; }
    public bool? IsMessageVisible { get; init; }
    public BpmnLabel? Label { get; init; }
    public SourceLocation Location { get; init; }
}

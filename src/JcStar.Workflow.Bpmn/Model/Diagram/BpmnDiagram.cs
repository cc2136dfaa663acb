namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A bpmndi:BPMNDiagram, the typed diagram interchange (DI) view used to draw a process.</summary>
public sealed record BpmnDiagram
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public BpmnPlane? Plane { get; init; }
    public SourceLocation Location { get; init; }
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A bpmndi:BPMNLabel: where the element's name is drawn (null bounds: the tool decides).</summary>
public sealed record BpmnLabel
{
    public string? Id { get; init; }
    public Bounds? Bounds { get; init; }
    public string? LabelStyle { get; init; }
}

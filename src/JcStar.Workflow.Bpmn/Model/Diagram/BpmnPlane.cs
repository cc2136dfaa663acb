using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A bpmndi:BPMNPlane: the surface a process, collaboration or sub-process is drawn on.</summary>
public sealed record BpmnPlane
{
    public string? Id { get; init; }
    public string? BpmnElement { get; init; }
    public ImmutableArray<BpmnShape> Shapes { get; init; } = [];
    public ImmutableArray<BpmnEdge> Edges { get; init; } = [];
}

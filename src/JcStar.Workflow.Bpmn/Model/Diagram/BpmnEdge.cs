using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A bpmndi:BPMNEdge: a sequence or message flow or association drawn through its waypoints.</summary>
public sealed record BpmnEdge
{
    public string? Id { get; init; }
    /// <summary>Null for a connector some tools draw without a BPMN element behind it.</summary>
    public string? BpmnElement { get; init; }
    public string? SourceElement { get; init; }
    public string? TargetElement { get; init; }
    public ImmutableArray<Point> Waypoints { get; init; } = [];
    public BpmnLabel? Label { get; init; }
    public SourceLocation Location { get; init; }
}

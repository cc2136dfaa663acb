using System.Collections.Immutable;
using System.Globalization;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>Projects bpmndi:BPMNDiagram elements onto the typed diagram interchange records.</summary>
internal static class DiagramProjection
{
    private const string BpmnDi = BpmnNamespaces.BpmnDi;

    public static ImmutableArray<BpmnDiagram> Project(DocumentElement root)
    {
        IEnumerable<DocumentElement> diagrams = root switch
        {
            { NamespaceUri: BpmnDi, LocalName: "BPMNDiagram" } => [root],
            { NamespaceUri: BpmnNamespaces.Model } => root.Elements(BpmnDi, "BPMNDiagram"),
            _ => [],
        };
        return [.. diagrams.Select(Diagram)];
    }

    private static BpmnDiagram Diagram(DocumentElement d) => new()
    {
        Id = d.Id,
        Name = d.Attribute("name"),
        Plane = d.Element(BpmnDi, "BPMNPlane") is { } plane ? Plane(plane) : null,
        Location = d.Location,
    };

    private static BpmnPlane Plane(DocumentElement p) => new()
    {
        Id = p.Id,
        BpmnElement = p.Attribute("bpmnElement"),
        Shapes = [.. p.Elements(BpmnDi, "BPMNShape").Select(Shape)],
        Edges = [.. p.Elements(BpmnDi, "BPMNEdge").Select(Edge)],
    };

    private static BpmnShape Shape(DocumentElement s) => new()
    {
        Id = s.Id,
        BpmnElement = s.Attribute("bpmnElement") ?? "",
        Bounds = BoundsOf(s.Element(BpmnNamespaces.Dc, "Bounds")),
        IsExpanded = Bool(s.Attribute("isExpanded")),
        IsMarkerVisible = Bool(s.Attribute("isMarkerVisible")),
        IsHorizontal = Bool(s.Attribute("isHorizontal")),
        IsMessageVisible = Bool(s.Attribute("isMessageVisible")),
        Label = LabelOf(s.Element(BpmnDi, "BPMNLabel")),
        Location = s.Location,
    };

    private static BpmnEdge Edge(DocumentElement e) => new()
    {
        Id = e.Id,
        BpmnElement = e.Attribute("bpmnElement"),
        SourceElement = e.Attribute("sourceElement"),
        TargetElement = e.Attribute("targetElement"),
        Waypoints = [.. e.Elements(BpmnNamespaces.Di, "waypoint").Select(w => new Point(Number(w.Attribute("x")), Number(w.Attribute("y"))))],
        Label = LabelOf(e.Element(BpmnDi, "BPMNLabel")),
        Location = e.Location,
    };

    private static BpmnLabel? LabelOf(DocumentElement? label) => label is null ? null : new BpmnLabel
    {
        Id = label.Id,
        Bounds = BoundsOf(label.Element(BpmnNamespaces.Dc, "Bounds")),
        LabelStyle = label.Attribute("labelStyle"),
    };

    private static Bounds? BoundsOf(DocumentElement? b) => b is null ? null :
        new Bounds(Number(b.Attribute("x")), Number(b.Attribute("y")), Number(b.Attribute("width")), Number(b.Attribute("height")));

    private static bool? Bool(string? value) => value?.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static double Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

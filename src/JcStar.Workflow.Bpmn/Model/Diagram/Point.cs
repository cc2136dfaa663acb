namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A dc:Point, e.g. a di:waypoint of an edge.</summary>
public sealed record Point(double X, double Y);

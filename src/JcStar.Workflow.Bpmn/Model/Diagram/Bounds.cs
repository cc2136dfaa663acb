namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A dc:Bounds rectangle.</summary>
public sealed record Bounds(double X, double Y, double Width, double Height);

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Where an element stands in its source file; 1-based, 0 when unknown (built in code).</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public static SourceLocation Unknown => default;
    public bool IsKnown => Line > 0;
}

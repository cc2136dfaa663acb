namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>Limits that keep hostile input from exhausting memory or stack.</summary>
public sealed record BpmnReaderOptions
{
    /// <summary>The largest document accepted, in characters (default 10 MB).</summary>
    public long MaxCharactersInDocument { get; init; } = 10 * 1024 * 1024;

    /// <summary>The deepest element nesting accepted (default 256); real models stay far below.</summary>
    public int MaxDepth { get; init; } = 256;

    public static BpmnReaderOptions Default { get; } = new();
}

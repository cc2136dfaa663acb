using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Tree;

/// <summary>
/// The lossless XML tree of a BPMN file: what the writer writes back. Comments before and after
/// the root are kept; processing instructions and the XML declaration are not (the writer always
/// writes a UTF-8 declaration).
/// </summary>
public sealed record BpmnDocument
{
    public required DocumentElement Root { get; init; }
    public ImmutableArray<DocumentNode> BeforeRoot { get; init; } = [];
    public ImmutableArray<DocumentNode> AfterRoot { get; init; } = [];

    /// <summary>The standalone pseudo-attribute of the XML declaration, if there was one.</summary>
    public string? Standalone { get; init; }
}

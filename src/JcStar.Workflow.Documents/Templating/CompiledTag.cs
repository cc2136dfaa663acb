using System.Xml.Linq;
using Fluid.Ast;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>A tag after parsing: its Liquid expression, where it stands, and the run formatting it inherits.</summary>
internal sealed class CompiledTag
{
    public required int Index { get; init; }
    public required TagKind Kind { get; init; }
    public required string Text { get; init; }
    public required string Part { get; init; }
    public required string Paragraph { get; init; }
    public required XElement ParagraphElement { get; init; }
    public required XProcessingInstruction Marker { get; init; }

    /// <summary>The w:rPr of the run the tag started in, serialized, or empty.</summary>
    public string RunProperties { get; init; } = "";

    public Expression? Expression { get; set; }
    public ForStatement? Loop { get; set; }

    /// <summary>For an opening tag, the matching closing tag; for else/elsif, the opening one.</summary>
    public CompiledTag? Partner { get; set; }

    public TemplateError Error(string message) => new(Part, Paragraph, Text, message);
}

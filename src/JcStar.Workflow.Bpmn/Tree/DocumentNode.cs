using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Tree;

/// <summary>A node of the lossless XML tree: element, text (incl. CDATA and whitespace) or comment.</summary>
public abstract record DocumentNode
{
    public SourceLocation Location { get; init; }
}

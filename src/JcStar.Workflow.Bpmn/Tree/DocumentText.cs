namespace JcStar.Workflow.Bpmn.Tree;

/// <summary>Character data as read (entities already expanded); whitespace between elements is kept so files write back as they were laid out.</summary>
public sealed record DocumentText(string Text, bool IsCData = false) : DocumentNode
{
    public bool IsWhitespace => !IsCData && string.IsNullOrWhiteSpace(Text);
}

namespace JcStar.Workflow.Documents.Templating;

/// <summary>A part with tags, ready to render; <paramref name="WordPrefix"/> is the part's prefix for the WordprocessingML namespace ("w:").</summary>
internal sealed record CompiledPart(string Name, string WordPrefix, IReadOnlyList<TemplateNode> Nodes);

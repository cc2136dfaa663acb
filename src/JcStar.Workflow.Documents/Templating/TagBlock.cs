namespace JcStar.Workflow.Documents.Templating;

/// <summary>An opening tag, its elsif/else tags and its closing tag.</summary>
internal sealed class TagBlock(CompiledTag open)
{
    public CompiledTag Open { get; } = open;
    public List<CompiledTag> Middles { get; } = [];
    public CompiledTag? Close { get; set; }

    public IEnumerable<CompiledTag> All => [Open, .. Middles, .. Close is null ? Array.Empty<CompiledTag>() : [Close]];
}

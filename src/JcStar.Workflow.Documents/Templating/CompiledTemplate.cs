namespace JcStar.Workflow.Documents.Templating;

/// <summary>A template parsed once: untouched entries as bytes, parts with tags as node trees.</summary>
internal sealed record CompiledTemplate(
    string ContentHash,
    IReadOnlyList<PackageEntry> Entries,
    IReadOnlyDictionary<string, CompiledPart> Parts,
    TemplateCheckResult Check);

namespace JcStar.Workflow.Documents.Templating;

/// <summary>One inflated zip entry of a template package.</summary>
internal sealed record PackageEntry(string Name, byte[] Content);

using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Server.Api;

/// <summary>A letter template version as the API shows it (its Word file at <see cref="Download"/>).</summary>
public sealed record TemplateVersionView(string Name, int Version, string Sha256, long Size, DateTimeOffset CreatedAt, string CreatedBy, string? Note, string Download)
{
    public static TemplateVersionView From(LetterTemplateVersion v) =>
        new(v.Name, v.Version, v.Sha256, v.Size, v.CreatedAt, v.CreatedBy, v.Note, $"/api/templates/{Uri.EscapeDataString(v.Name)}/versions/{v.Version}");
}

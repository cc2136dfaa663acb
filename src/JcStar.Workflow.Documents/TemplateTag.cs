namespace JcStar.Workflow.Documents;

/// <summary>One tag found in a template, as <c>jcstar render --check</c> lists it.</summary>
public sealed record TemplateTag(string Part, string Paragraph, string Tag);

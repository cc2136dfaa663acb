namespace JcStar.Workflow.Documents;

/// <summary>Every tag and every error of a template, found without data.</summary>
public sealed record TemplateCheckResult(IReadOnlyList<TemplateTag> Tags, IReadOnlyList<TemplateError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

namespace JcStar.Workflow.Documents;

/// <summary>A template that cannot be compiled, or data that does not fill it. Every error names its tag and place.</summary>
public sealed class DocumentTemplateException : Exception
{
    public DocumentTemplateException(IReadOnlyList<TemplateError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public DocumentTemplateException(TemplateError error) : this([error])
    {
    }

    public IReadOnlyList<TemplateError> Errors { get; }
}

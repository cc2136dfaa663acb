namespace JcStar.Workflow.Documents;

/// <summary>One problem in a template or its data, located the way a person finds it in Word.</summary>
/// <param name="Part">Package part, e.g. word/document.xml or word/header1.xml.</param>
/// <param name="Paragraph">Text of the paragraph holding the tag (shortened), empty for package-level problems.</param>
/// <param name="Tag">The tag as written, e.g. <c>{{ case.issued_on }}</c>; empty when no tag is involved.</param>
/// <param name="Message">What is wrong.</param>
public sealed record TemplateError(string Part, string Paragraph, string Tag, string Message)
{
    public override string ToString()
    {
        var where = Part;
        if (Paragraph.Length > 0)
            where += $", paragraph \"{Paragraph}\"";
        return Tag.Length > 0 ? $"{where}: {Tag}: {Message}" : $"{where}: {Message}";
    }
}

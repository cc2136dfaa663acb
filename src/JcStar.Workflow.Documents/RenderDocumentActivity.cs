using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents;

/// <summary>
/// Renders <c>&lt;TemplatesRoot&gt;/&lt;template&gt;.docx</c> with the case variables and stores the letter (and its PDF)
/// for the case. Independent of how activities are registered: the runtime's handler adapter maps its
/// inputs to <see cref="RenderDocumentRequest"/> and <see cref="RenderDocumentResult.ToOutputs"/> back.
/// </summary>
public sealed class RenderDocumentActivity(WordTemplateEngine engine, IDocumentStore store, DocumentsOptions options, IPdfConverter? pdf = null)
{
    /// <summary>The name workflows bind (jc:activity="document.render", inputs template, fileName, pdf; output documentId).</summary>
    public const string ActivityName = "document.render";

    public async Task<RenderDocumentResult> ExecuteAsync(RenderDocumentRequest request, CancellationToken cancellationToken = default)
    {
        var templatePath = TemplatePath(request.TemplateName);
        if (!File.Exists(templatePath))
            throw new FileNotFoundException($"template '{request.TemplateName}' not found under {options.TemplatesRoot}", templatePath);
        var template = await File.ReadAllBytesAsync(templatePath, cancellationToken);
        var docx = engine.Render(template, TemplateData.FromValues(request.Variables));
        var hash = WordTemplateEngine.ContentHash(template);
        var name = FileName(request.OutputName);

        var word = await store.SaveAsync(
            new NewCaseDocument(request.InstanceId, request.BusinessKey, name + ".docx", request.TemplateName, hash, DocumentContentTypes.Docx), docx, cancellationToken);
        if (!request.Pdf)
            return new RenderDocumentResult(word, null, null);
        if (pdf is null)
            return new RenderDocumentResult(word, null, "no PDF converter is configured");
        try
        {
            var bytes = await pdf.ConvertAsync(docx, cancellationToken);
            var stored = await store.SaveAsync(
                new NewCaseDocument(request.InstanceId, request.BusinessKey, name + ".pdf", request.TemplateName, hash, DocumentContentTypes.Pdf), bytes, cancellationToken);
            return new RenderDocumentResult(word, stored, null);
        }
        catch (PdfConversionException e)
        {
            return new RenderDocumentResult(word, null, e.Message);
        }
    }

    private string TemplatePath(string templateName)
    {
        // Template names come from workflow definitions: plain names only, never paths.
        if (templateName.Length == 0 || !templateName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || templateName.Contains(".."))
            throw new ArgumentException($"template name '{templateName}' must be a plain name such as grant-notice", nameof(templateName));
        return Path.Combine(options.TemplatesRoot, templateName + ".docx");
    }

    private static string FileName(string outputName)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string(outputName.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('.');
        return cleaned.Length == 0 ? "document" : cleaned;
    }
}

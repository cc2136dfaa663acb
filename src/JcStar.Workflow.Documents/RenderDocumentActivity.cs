using System.Security.Cryptography;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents;

/// <summary>
/// Renders the latest version of the template (<see cref="LetterTemplates"/>; the files under Documents:TemplatesRoot are
/// version 1) with the case variables and stores the letter (and its PDF) for the case, recording the template version.
/// Independent of how activities are registered: the runtime's handler adapter maps its inputs to <see cref="RenderDocumentRequest"/> and <see cref="RenderDocumentResult.ToOutputs"/> back.
/// </summary>
/// <param name="templates">The template versions; null keeps them in memory, seeded from the templates folder (simulation, tests).</param>
public sealed class RenderDocumentActivity(WordTemplateEngine engine, IDocumentStore store, DocumentsOptions options, IPdfConverter? pdf = null, LetterTemplates? templates = null)
{
    private readonly LetterTemplates _templates = templates ?? new LetterTemplates(new InMemoryLetterTemplateStore(), engine, options, TimeProvider.System);

    /// <summary>The name workflows bind (jc:activity="document.render", inputs template, fileName, pdf; output documentId).</summary>
    public const string ActivityName = "document.render";

    public async Task<RenderDocumentResult> ExecuteAsync(RenderDocumentRequest request, CancellationToken cancellationToken = default)
    {
        LetterTemplates.RequireValidName(request.TemplateName);
        var wordKey = request.JobId is { } job ? job + "/docx" : null;
        var pdfKey = request.JobId is { } pdfJob ? pdfJob + "/pdf" : null;

        // The job ran before (its step did not commit): that run's letter stands, and a PDF is made from it,
        // not from a new rendering that may differ (today's date). The store's key makes this exact even in a race.
        CaseDocument? word = null;
        byte[]? docx = null;
        if (wordKey is not null && await store.FindBySourceKeyAsync(wordKey, cancellationToken) is { } earlier
            && await store.OpenAsync(earlier.Id, cancellationToken) is { } opened)
            (word, docx) = opened;
        var name = word is null ? FileName(request.OutputName) : Path.GetFileNameWithoutExtension(word.Name);
        var hash = word?.TemplateContentHash;
        if (word is null || docx is null)
        {
            var (version, template) = await _templates.CurrentAsync(request.TemplateName, cancellationToken);
            var rendered = engine.Render(template, TemplateData.FromValues(request.Variables));
            hash = WordTemplateEngine.ContentHash(template);
            word = await store.SaveAsync(
                new NewCaseDocument(request.InstanceId, request.BusinessKey, name + ".docx", request.TemplateName, hash, DocumentContentTypes.Docx, wordKey, version.Version), rendered, cancellationToken);
            // Lost a race with another run of the job: convert the letter that was stored.
            docx = word.Sha256 == Convert.ToHexStringLower(SHA256.HashData(rendered))
                ? rendered
                : (await store.OpenAsync(word.Id, cancellationToken))?.Content ?? rendered;
        }
        if (!request.Pdf)
            return new RenderDocumentResult(word, null, null);
        if (pdfKey is not null && await store.FindBySourceKeyAsync(pdfKey, cancellationToken) is { } earlierPdf)
            return new RenderDocumentResult(word, earlierPdf, null);
        if (pdf is null)
            return new RenderDocumentResult(word, null, "no PDF converter is configured");
        try
        {
            var bytes = await pdf.ConvertAsync(docx, cancellationToken);
            var stored = await store.SaveAsync(
                new NewCaseDocument(request.InstanceId, request.BusinessKey, name + ".pdf", request.TemplateName, hash!, DocumentContentTypes.Pdf, pdfKey, word.TemplateVersion), bytes, cancellationToken);
            return new RenderDocumentResult(word, stored, null);
        }
        catch (PdfConversionException e)
        {
            return new RenderDocumentResult(word, null, e.Message);
        }
    }

    private static string FileName(string outputName)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string(outputName.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('.');
        return cleaned.Length == 0 ? "document" : cleaned;
    }
}

using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents;

/// <summary>What the activity stored. <see cref="PdfError"/> says why a requested PDF is missing; the Word file is stored regardless.</summary>
public sealed record RenderDocumentResult(CaseDocument Word, CaseDocument? Pdf, string? PdfError)
{
    /// <summary>The activity outputs as the workflow sees them.</summary>
    public IReadOnlyDictionary<string, object?> ToOutputs() => new Dictionary<string, object?>
    {
        ["documentId"] = Word.Id,
        ["pdfDocumentId"] = Pdf?.Id,
        ["pdfError"] = PdfError,
    };
}

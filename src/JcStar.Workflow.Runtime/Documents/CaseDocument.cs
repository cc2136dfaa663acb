namespace JcStar.Workflow.Runtime.Documents;

/// <summary>
/// A letter or form produced for a case (an official letter is a record of the procedure, so it is kept,
/// never overwritten). <see cref="Name"/> is the file name shown to people and may be Japanese.
/// </summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="InstanceId">Workflow instance the document belongs to.</param>
/// <param name="BusinessKey">The case's business key (application number), when there is one.</param>
/// <param name="Name">File name, e.g. 適合ラベル交付通知書_JC-2026-000123.pdf.</param>
/// <param name="TemplateName">Template it was rendered from (e.g. grant-notice), empty for uploads.</param>
/// <param name="TemplateContentHash">SHA-256 (hex) of the template bytes used, empty for uploads.</param>
/// <param name="Sha256">SHA-256 (hex) of the document bytes.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="ContentRemovedAt">When its content was removed (by retention); the record of the document stays.</param>
/// <param name="ContentRemovedReason">Why its content was removed, e.g. "retention: Retention:LettersKeptFor 3653.00:00:00".</param>
/// <param name="TemplateVersion">The version of <see cref="TemplateName"/> that made the letter (see <see cref="LetterTemplateVersion"/>); null for uploads and letters stored before templates had versions.</param>
public sealed record CaseDocument(
    string Id,
    string InstanceId,
    string? BusinessKey,
    string Name,
    string TemplateName,
    string TemplateContentHash,
    string Sha256,
    long Size,
    string ContentType,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ContentRemovedAt = null,
    string? ContentRemovedReason = null,
    int? TemplateVersion = null)
{
    public bool ContentRemoved => ContentRemovedAt is not null;
}

namespace JcStar.Workflow.Runtime.Documents;

/// <summary>What a caller knows about a document before the store gives it an id, hash and time.</summary>
/// <param name="SourceKey">
/// What produced the document, when that can happen again: a render job's id plus the part (e.g.
/// <c>&lt;jobId&gt;/docx</c>). A store keeps one document per key: saving with a key it already holds returns
/// the stored document and stores nothing. Null (uploads) stores every time.
/// </param>
/// <param name="TemplateVersion">The template version that rendered the letter; null for uploads.</param>
public sealed record NewCaseDocument(
    string InstanceId,
    string? BusinessKey,
    string Name,
    string TemplateName,
    string TemplateContentHash,
    string ContentType,
    string? SourceKey = null,
    int? TemplateVersion = null);

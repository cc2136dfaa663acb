namespace JcStar.Workflow.Documents;

/// <summary>The inputs of the render-document activity.</summary>
/// <param name="InstanceId">Workflow instance the letter belongs to.</param>
/// <param name="BusinessKey">Case business key (application number), if any.</param>
/// <param name="TemplateName">Template under Documents:TemplatesRoot, without .docx (e.g. grant-notice).</param>
/// <param name="OutputName">File name for people, without extension; Japanese allowed (e.g. 適合ラベル交付通知書_JC-2026-000123).</param>
/// <param name="Pdf">Also store a PDF.</param>
/// <param name="Variables">The case variables the template names.</param>
/// <param name="JobId">
/// The activity job rendering the letter (<c>ActivityContext.IdempotencyKey</c>), stable when the job runs again:
/// the letter is stored under <c>&lt;JobId&gt;/docx</c> (and <c>/pdf</c>), so one job leaves one letter. Null stores every time.
/// </param>
public sealed record RenderDocumentRequest(
    string InstanceId,
    string? BusinessKey,
    string TemplateName,
    string OutputName,
    bool Pdf,
    IReadOnlyDictionary<string, object?> Variables,
    string? JobId = null);

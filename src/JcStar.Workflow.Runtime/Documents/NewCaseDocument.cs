namespace JcStar.Workflow.Runtime.Documents;

/// <summary>What a caller knows about a document before the store gives it an id, hash and time.</summary>
public sealed record NewCaseDocument(
    string InstanceId,
    string? BusinessKey,
    string Name,
    string TemplateName,
    string TemplateContentHash,
    string ContentType);

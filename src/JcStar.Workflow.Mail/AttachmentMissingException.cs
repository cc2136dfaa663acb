namespace JcStar.Workflow.Mail;

/// <summary>An attached document id names no document; the message cannot be composed as the workflow asked.</summary>
public sealed class AttachmentMissingException(string documentId)
    : Exception($"attachment document '{documentId}' was not found")
{
    public string DocumentId { get; } = documentId;
}

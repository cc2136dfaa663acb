namespace JcStar.Workflow.Runtime.Mail;

/// <summary>
/// Reads documents generated for a case so the dispatcher can attach them. Kept minimal on purpose:
/// the document store adapts to this, the mail adapter never learns how documents are stored.
/// </summary>
public interface IAttachmentSource
{
    /// <summary>The document, or null when no document has that id (the message then fails with that reason).</summary>
    Task<MailAttachment?> OpenAsync(string documentId, CancellationToken cancellationToken);
}

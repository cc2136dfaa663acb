using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Runtime.Mail;

/// <summary>Mail attachments are the case's stored documents: the letter a step rendered is the file the applicant receives.</summary>
public sealed class DocumentAttachmentSource(IDocumentStore documents) : IAttachmentSource
{
    public async Task<MailAttachment?> OpenAsync(string documentId, CancellationToken cancellationToken)
    {
        var found = await documents.OpenAsync(documentId, cancellationToken);
        return found is { } d ? new MailAttachment(d.Document.Name, d.Document.ContentType, d.Content) : null;
    }
}

using System.Text;
using JcStar.Workflow.Runtime.Mail;
using MimeKit;

namespace JcStar.Workflow.Mail;

/// <summary>
/// Turns an outbox message into MIME. Every header word, display name and file name is declared UTF-8,
/// so MimeKit writes RFC 2047 encoded-words for headers and RFC 2231 parameters for file names;
/// bodies are UTF-8 in base64, which every Japanese mail program reads.
/// </summary>
public sealed class MimeMessageComposer(IAttachmentSource attachments)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            // The origination date, not the attempt's: every attempt then carries identical headers.
            Date = message.CreatedAt,
        };
        mime.From.Add(ToMime(message.From));
        mime.To.AddRange(message.To.Select(ToMime));
        mime.Cc.AddRange(message.Cc.Select(ToMime));
        mime.Bcc.AddRange(message.Bcc.Select(ToMime));
        mime.ReplyTo.AddRange(message.ReplyTo.Select(ToMime));
        mime.Headers.Replace(HeaderId.Subject, Encoding.UTF8, message.Subject);
        // RFC 3834: a notice from a system, so vacation responders stay quiet.
        mime.Headers.Add("Auto-Submitted", "auto-generated");

        MimeEntity body = TextPart("plain", message.TextBody);
        if (message.HtmlBody is { Length: > 0 } html)
            body = new MultipartAlternative { body, TextPart("html", html) };

        if (message.Attachments.Count == 0)
        {
            mime.Body = body;
            return mime;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var reference in message.Attachments)
        {
            var document = await attachments.OpenAsync(reference.DocumentId, cancellationToken)
                ?? throw new AttachmentMissingException(reference.DocumentId);
            mixed.Add(AttachmentPart(document));
        }
        mime.Body = mixed;
        return mime;
    }

    private static MailboxAddress ToMime(Mailbox mailbox) =>
        new(Encoding.UTF8, mailbox.DisplayName ?? "", mailbox.Address);

    private static TextPart TextPart(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MimePart AttachmentPart(MailAttachment document)
    {
        var part = new MimePart(ContentType.Parse(document.ContentType))
        {
            Content = new MimeContent(new MemoryStream(document.Content.ToArray(), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        part.ContentDisposition.Parameters.Add(Encoding.UTF8, "filename", document.FileName);
        part.ContentType.Parameters.Add(Encoding.UTF8, "name", document.FileName);
        return part;
    }
}

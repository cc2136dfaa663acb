using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Runtime.Retention;

/// <summary>A sent or failed mail with its recipients and bodies anonymized; subject, sender, template and attachments stay.</summary>
public sealed record RetainedMail(
    Guid Id,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    IReadOnlyList<Mailbox> Bcc,
    IReadOnlyList<Mailbox> ReplyTo,
    string TextBody,
    string? HtmlBody);

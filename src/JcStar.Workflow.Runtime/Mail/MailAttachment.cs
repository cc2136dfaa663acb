namespace JcStar.Workflow.Runtime.Mail;

/// <summary>The bytes of an attached document and how the recipient's mail program should present them.</summary>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

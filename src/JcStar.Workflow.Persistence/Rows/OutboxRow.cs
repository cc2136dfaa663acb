namespace JcStar.Workflow.Persistence.Rows;

/// <summary>One mail in the outbox; mailboxes and attachment references as JSON text.</summary>
public sealed class OutboxRow
{
    public Guid Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string ElementId { get; set; } = "";
    public string? TemplateName { get; set; }
    public string MessageId { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "[]";
    public string Cc { get; set; } = "[]";
    public string Bcc { get; set; } = "[]";
    public string ReplyTo { get; set; } = "[]";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string Attachments { get; set; } = "[]";
    public int Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

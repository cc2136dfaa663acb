using System.Text.Encodings.Web;
using System.Text.Json;
using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Persistence.Rows;

internal static class OutboxRowMapping
{
    public const int LastErrorLength = 2000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Capped(string? error) => error is { Length: > LastErrorLength } ? error[..LastErrorLength] : error;

    public static OutboxRow ToRow(this OutboxMessage m) => new()
    {
        Id = m.Id,
        IdempotencyKey = m.IdempotencyKey,
        InstanceId = m.InstanceId,
        BusinessKey = m.BusinessKey,
        ElementId = m.ElementId,
        TemplateName = m.TemplateName,
        MessageId = m.MessageId,
        From = JsonSerializer.Serialize(m.From, Json),
        To = JsonSerializer.Serialize(m.To, Json),
        Cc = JsonSerializer.Serialize(m.Cc, Json),
        Bcc = JsonSerializer.Serialize(m.Bcc, Json),
        ReplyTo = JsonSerializer.Serialize(m.ReplyTo, Json),
        Subject = m.Subject,
        TextBody = m.TextBody,
        HtmlBody = m.HtmlBody,
        Attachments = JsonSerializer.Serialize(m.Attachments, Json),
        Status = (int)m.Status,
        Attempts = m.Attempts,
        NextAttemptAt = m.NextAttemptAt.ToUniversalTime(),
        LeaseToken = m.LeaseToken,
        LeaseExpiresAt = m.LeaseExpiresAt?.ToUniversalTime(),
        LastAttemptAt = m.LastAttemptAt?.ToUniversalTime(),
        LastError = Capped(m.LastError),
        SentAt = m.SentAt?.ToUniversalTime(),
        CreatedAt = m.CreatedAt.ToUniversalTime(),
    };

    public static OutboxMessage ToRecord(this OutboxRow r) => new()
    {
        Id = r.Id,
        IdempotencyKey = r.IdempotencyKey,
        InstanceId = r.InstanceId,
        BusinessKey = r.BusinessKey,
        ElementId = r.ElementId,
        TemplateName = r.TemplateName,
        MessageId = r.MessageId,
        From = JsonSerializer.Deserialize<Mailbox>(r.From, Json)!,
        To = JsonSerializer.Deserialize<Mailbox[]>(r.To, Json)!,
        Cc = JsonSerializer.Deserialize<Mailbox[]>(r.Cc, Json)!,
        Bcc = JsonSerializer.Deserialize<Mailbox[]>(r.Bcc, Json)!,
        ReplyTo = JsonSerializer.Deserialize<Mailbox[]>(r.ReplyTo, Json)!,
        Subject = r.Subject,
        TextBody = r.TextBody,
        HtmlBody = r.HtmlBody,
        Attachments = JsonSerializer.Deserialize<AttachmentRef[]>(r.Attachments, Json)!,
        Status = (OutboxStatus)r.Status,
        Attempts = r.Attempts,
        NextAttemptAt = r.NextAttemptAt,
        LeaseToken = r.LeaseToken,
        LeaseExpiresAt = r.LeaseExpiresAt,
        LastAttemptAt = r.LastAttemptAt,
        LastError = r.LastError,
        SentAt = r.SentAt,
        CreatedAt = r.CreatedAt,
    };
}

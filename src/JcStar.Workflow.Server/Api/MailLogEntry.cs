using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Server.Api;

/// <summary>One line of a case's mail log: the message's fate, not its body.</summary>
public sealed record MailLogEntry(
    Guid Id,
    string ElementId,
    string? TemplateName,
    IReadOnlyList<string> To,
    string Subject,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt,
    string MessageId)
{
    public static MailLogEntry From(OutboxMessage m) => new(
        m.Id, m.ElementId, m.TemplateName, [.. m.To.Select(t => t.Address)], m.Subject, m.Status.ToString().ToLowerInvariant(),
        m.Attempts, m.LastError, m.CreatedAt, m.SentAt, m.Status is OutboxStatus.Queued ? m.NextAttemptAt : null, m.MessageId);
}

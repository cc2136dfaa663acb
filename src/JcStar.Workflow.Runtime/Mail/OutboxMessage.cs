using System.Security.Cryptography;
using System.Text;

namespace JcStar.Workflow.Runtime.Mail;

/// <summary>
/// One mail the workflow asked for, recorded in the same unit of work as the step that asked, and
/// delivered later by the dispatcher. <see cref="IdempotencyKey"/> (the engine's job id) is unique:
/// a step replayed after a crash finds its message instead of writing a second one.
/// </summary>
public sealed record OutboxMessage
{
    public required Guid Id { get; init; }

    /// <summary>The engine's job id: stable per instance, element, token and loop iteration.</summary>
    public required string IdempotencyKey { get; init; }

    public required string InstanceId { get; init; }

    public string? BusinessKey { get; init; }

    public required string ElementId { get; init; }

    /// <summary>The template under templates/mail it was rendered from, for the mail log.</summary>
    public string? TemplateName { get; init; }

    /// <summary>
    /// The Message-Id header without angle brackets, derived from the idempotency key so every attempt,
    /// including one after a crash between the server's 250 and MarkSent, carries the same id.
    /// </summary>
    public required string MessageId { get; init; }

    public required Mailbox From { get; init; }

    public required IReadOnlyList<Mailbox> To { get; init; }

    public IReadOnlyList<Mailbox> Cc { get; init; } = [];

    public IReadOnlyList<Mailbox> Bcc { get; init; } = [];

    public IReadOnlyList<Mailbox> ReplyTo { get; init; } = [];

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public IReadOnlyList<AttachmentRef> Attachments { get; init; } = [];

    public OutboxStatus Status { get; init; } = OutboxStatus.Queued;

    /// <summary>Delivery attempts begun (a claim counts as one), reset when staff retry.</summary>
    public int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Who holds the message while it is <see cref="OutboxStatus.Sending"/>; outcomes from a stale holder are ignored.</summary>
    public Guid? LeaseToken { get; init; }

    /// <summary>After this a message still <see cref="OutboxStatus.Sending"/> is presumed abandoned and may be claimed again.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The server's reply or the connection error of the last failed attempt.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Queued and its time has come, or sending under a lease that has expired (its holder died).</summary>
    public bool IsDue(DateTimeOffset now) =>
        Status switch
        {
            OutboxStatus.Queued => NextAttemptAt <= now,
            OutboxStatus.Sending => LeaseExpiresAt is { } expires && expires <= now,
            _ => false,
        };

    /// <summary>The state after a dispatcher claims it: one more attempt, leased until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    public OutboxMessage Claimed(DateTimeOffset now, TimeSpan lease, Guid leaseToken) =>
        this with
        {
            Status = OutboxStatus.Sending,
            Attempts = Attempts + 1,
            LastAttemptAt = now,
            LeaseToken = leaseToken,
            LeaseExpiresAt = now + lease,
        };

    public OutboxMessage Delivered(DateTimeOffset sentAt) =>
        this with { Status = OutboxStatus.Sent, SentAt = sentAt, LeaseToken = null, LeaseExpiresAt = null, LastError = null };

    public OutboxMessage AttemptFailed(DateTimeOffset nextAttemptAt, string error) =>
        this with { Status = OutboxStatus.Queued, NextAttemptAt = nextAttemptAt, LastError = error, LeaseToken = null, LeaseExpiresAt = null };

    public OutboxMessage FailedPermanently(string error) =>
        this with { Status = OutboxStatus.Failed, LastError = error, LeaseToken = null, LeaseExpiresAt = null };

    /// <summary>Staff asked for another go; the last error stays visible until the next outcome replaces it.</summary>
    public OutboxMessage Requeued(DateTimeOffset now) =>
        this with { Status = OutboxStatus.Queued, Attempts = 0, NextAttemptAt = now, LeaseToken = null, LeaseExpiresAt = null };

    /// <summary>True when an outcome reported under <paramref name="leaseToken"/> may still be applied.</summary>
    public bool IsHeldBy(Guid leaseToken) => Status == OutboxStatus.Sending && LeaseToken == leaseToken;

    /// <summary>
    /// The message id for the key: the same on every run of one job, so the outputs of whichever run
    /// commits name the stored message.
    /// </summary>
    public static Guid IdFor(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("outbox-id:" + idempotencyKey)).AsSpan(0, 16));
    }

    /// <summary>A globally unique Message-Id for the key: a hash (so no case data leaks into headers) at our domain.</summary>
    public static string MessageIdFor(string idempotencyKey, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}.jcstar@{domain}";
    }
}

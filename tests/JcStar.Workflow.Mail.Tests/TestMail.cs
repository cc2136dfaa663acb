using JcStar.Workflow.Runtime.Mail;
using Microsoft.Extensions.Time.Testing;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>Messages, options and clocks the tests share; every value a test asserts on is visible here or in the test.</summary>
public static class TestMail
{
    public const string Domain = "jcstar.test";

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));

    public static MailOptions Options(SmtpOptions smtp) => new()
    {
        Smtp = smtp,
        FromAddress = "office@" + Domain,
        FromDisplayName = "JC-STAR 事務局",
        RetrySchedule = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)],
        MaxAttempts = 5,
        BatchSize = 10,
        Lease = TimeSpan.FromMinutes(5),
    };

    public static OutboxMessage Message(string key, DateTimeOffset now, string to = "taro@example.jp", string instanceId = "case-1", params string[] attachments) => new()
    {
        Id = Guid.NewGuid(),
        IdempotencyKey = key,
        InstanceId = instanceId,
        BusinessKey = "JCS-2025-000123",
        ElementId = "notifyApplicant",
        MessageId = OutboxMessage.MessageIdFor(key, Domain),
        From = new Mailbox("office@" + Domain, "JC-STAR 事務局"),
        To = [new Mailbox(to, "山田 太郎")],
        Subject = $"【JC-STAR】お知らせ {key}",
        TextBody = $"本文です。{key}",
        Attachments = attachments.Select(id => new AttachmentRef(id)).ToList(),
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public static async Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(IOutbox outbox, FakeTimeProvider clock, int count, string prefix = "job")
    {
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < count; i++)
            messages.Add(await outbox.EnqueueAsync(Message($"{prefix}-{i}", clock.GetUtcNow()), CancellationToken.None));
        return messages;
    }

    public static MailDispatcher Dispatcher(IOutbox outbox, SmtpOptions smtp, FakeTimeProvider clock, IAttachmentSource? attachments = null, MailOptions? options = null) =>
        new(outbox, new SmtpMailTransport(smtp, Domain), attachments ?? new InMemoryAttachmentSource(), options ?? Options(smtp), clock);
}

using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Tests.SchemeStores;
using JcStar.Workflow.Runtime.Tests.Support;

namespace JcStar.Workflow.Runtime.Tests.OutboxStore;

/// <summary>The EF outbox's promises on SQLite and a real PostgreSQL: idempotent enqueue, exclusive claims, leases.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class EfOutboxTests
{
    private static readonly DateTimeOffset T0 = TestRuntime.T0;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutboxMessage Message(string key, string instanceId = "i1", DateTimeOffset? due = null, DateTimeOffset? created = null) => new()
    {
        Id = Guid.NewGuid(),
        IdempotencyKey = key,
        InstanceId = instanceId,
        BusinessKey = "JC-2026-0001",
        ElementId = "NotifyApplicant",
        TemplateName = "application-accepted",
        MessageId = OutboxMessage.MessageIdFor(key, "jcstar.example.jp"),
        From = new Mailbox("label@jcstar.example.jp", "JC-STAR 事務局"),
        To = [new Mailbox("tanaka@example.co.jp", "田中 太郎"), new Mailbox("suzuki@example.co.jp")],
        Cc = [new Mailbox("cc@example.co.jp", "写し")],
        ReplyTo = [new Mailbox("support@jcstar.example.jp")],
        Subject = "【JC-STAR】申請受付のお知らせ",
        TextBody = "田中様\n申請を受け付けました。",
        HtmlBody = "<p>田中様</p>",
        Attachments = [new AttachmentRef("doc-受付票-1")],
        NextAttemptAt = due ?? T0,
        CreatedAt = created ?? T0,
    };

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Enqueueing_twice_with_one_idempotency_key_keeps_the_first_message_with_every_field(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var outbox = node.Get<IOutbox>();
        Assert.IsType<EfOutbox>(outbox);
        var first = Message("job-1");

        var stored = await outbox.EnqueueAsync(first, Ct);
        var replay = await outbox.EnqueueAsync(Message("job-1") with { Subject = "二通目" }, Ct);

        Assert.Equal(first.Id, stored.Id);
        Assert.Equal(first.Id, replay.Id);
        Assert.Equal("【JC-STAR】申請受付のお知らせ", replay.Subject);
        var found = await outbox.FindAsync(first.Id, Ct);
        Assert.NotNull(found);
        AssertSameMessage(first, found);
        Assert.Single(await outbox.ListByInstanceAsync("i1", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Two_dispatchers_claiming_at_once_never_get_the_same_message(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = new EfStoreNode(database);
        await using var two = new EfStoreNode(database);
        for (var i = 0; i < 60; i++)
            await one.Get<IOutbox>().EnqueueAsync(Message($"job-{i}", created: T0.AddSeconds(i)), Ct);

        async Task<List<OutboxMessage>> Drain(IOutbox outbox)
        {
            var mine = new List<OutboxMessage>();
            while (true)
            {
                var batch = await outbox.ClaimDueAsync(T0.AddMinutes(1), 4, Lease, Ct);
                if (batch.Count == 0)
                    return mine;
                mine.AddRange(batch);
            }
        }
        var claims = await Task.WhenAll(Task.Run(() => Drain(one.Get<IOutbox>())), Task.Run(() => Drain(two.Get<IOutbox>())),
            Task.Run(() => Drain(one.Get<IOutbox>())), Task.Run(() => Drain(two.Get<IOutbox>())));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Select(m => m.Id).Distinct().Count());
        Assert.All(all, m => Assert.Equal((OutboxStatus.Sending, 1, T0.AddMinutes(1) + Lease), (m.Status, m.Attempts, m.LeaseExpiresAt!.Value)));
        Assert.Equal(60, all.Select(m => m.LeaseToken).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Claims_take_due_messages_oldest_first_and_leave_later_ones(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var outbox = node.Get<IOutbox>();
        await outbox.EnqueueAsync(Message("later", due: T0.AddHours(1)), Ct);
        await outbox.EnqueueAsync(Message("second", due: T0, created: T0.AddSeconds(2)), Ct);
        await outbox.EnqueueAsync(Message("first", due: T0, created: T0.AddSeconds(1)), Ct);
        await outbox.EnqueueAsync(Message("earliest", due: T0.AddMinutes(-5), created: T0.AddSeconds(3)), Ct);

        var claimed = await outbox.ClaimDueAsync(T0, 10, Lease, Ct);

        Assert.Equal(["earliest", "first", "second"], claimed.Select(m => m.IdempotencyKey));
        Assert.Empty(await outbox.ClaimDueAsync(T0, 10, Lease, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_message_left_sending_is_claimed_again_once_its_lease_expires_and_the_stale_holder_is_ignored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var outbox = node.Get<IOutbox>();
        var message = await outbox.EnqueueAsync(Message("job-1"), Ct);
        var dead = Assert.Single(await outbox.ClaimDueAsync(T0, 10, Lease, Ct));

        Assert.Empty(await outbox.ClaimDueAsync(T0.AddMinutes(4), 10, Lease, Ct));
        var reclaimed = Assert.Single(await outbox.ClaimDueAsync(T0.AddMinutes(6), 10, Lease, Ct));

        Assert.Equal(message.Id, reclaimed.Id);
        Assert.Equal(2, reclaimed.Attempts);
        Assert.Equal(T0.AddMinutes(6), reclaimed.LastAttemptAt);
        Assert.NotEqual(dead.LeaseToken, reclaimed.LeaseToken);
        Assert.False(await outbox.MarkAttemptFailedAsync(message.Id, dead.LeaseToken!.Value, T0.AddMinutes(10), "stale", Ct));
        Assert.False(await outbox.MarkFailedPermanentlyAsync(message.Id, dead.LeaseToken!.Value, "stale", Ct));
        var stillHeld = await outbox.FindAsync(message.Id, Ct);
        Assert.Equal((OutboxStatus.Sending, reclaimed.LeaseToken, (string?)null), (stillHeld!.Status, stillHeld.LeaseToken, stillHeld.LastError));

        Assert.True(await outbox.MarkAttemptFailedAsync(message.Id, reclaimed.LeaseToken!.Value, T0.AddMinutes(20), "421 try later", Ct));
        var queued = await outbox.FindAsync(message.Id, Ct);
        Assert.Equal((OutboxStatus.Queued, T0.AddMinutes(20), "421 try later", (Guid?)null, (DateTimeOffset?)null),
            (queued!.Status, queued.NextAttemptAt, queued.LastError, queued.LeaseToken, queued.LeaseExpiresAt));
        Assert.Empty(await outbox.ClaimDueAsync(T0.AddMinutes(19), 10, Lease, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Delivery_is_recorded_whoever_holds_the_lease_and_only_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var outbox = node.Get<IOutbox>();
        var message = await outbox.EnqueueAsync(Message("job-1"), Ct);
        var claimed = Assert.Single(await outbox.ClaimDueAsync(T0, 10, Lease, Ct));
        Assert.True(await outbox.MarkAttemptFailedAsync(message.Id, claimed.LeaseToken!.Value, T0, "timeout", Ct));

        await outbox.MarkSentAsync(message.Id, T0.AddMinutes(1), Ct);
        await outbox.MarkSentAsync(message.Id, T0.AddMinutes(2), Ct);

        var sent = await outbox.FindAsync(message.Id, Ct);
        Assert.Equal((OutboxStatus.Sent, T0.AddMinutes(1), (string?)null, (Guid?)null), (sent!.Status, sent.SentAt, sent.LastError, sent.LeaseToken));
        Assert.Empty(await outbox.ClaimDueAsync(T0.AddDays(1), 10, Lease, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Staff_retry_a_failed_message_with_attempts_reset_and_the_last_error_kept(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var outbox = node.Get<IOutbox>();
        var message = await outbox.EnqueueAsync(Message("job-1"), Ct);
        Assert.False(await outbox.RetryAsync(message.Id, T0, Ct));
        var claimed = Assert.Single(await outbox.ClaimDueAsync(T0, 10, Lease, Ct));
        var longError = "550 宛先不明 " + new string('x', 3000);
        Assert.True(await outbox.MarkFailedPermanentlyAsync(message.Id, claimed.LeaseToken!.Value, longError, Ct));
        Assert.Empty(await outbox.ClaimDueAsync(T0.AddDays(1), 10, Lease, Ct));

        Assert.True(await outbox.RetryAsync(message.Id, T0.AddHours(1), Ct));
        Assert.False(await outbox.RetryAsync(message.Id, T0.AddHours(1), Ct));

        var requeued = await outbox.FindAsync(message.Id, Ct);
        Assert.Equal((OutboxStatus.Queued, 0, T0.AddHours(1)), (requeued!.Status, requeued.Attempts, requeued.NextAttemptAt));
        Assert.Equal(longError[..2000], requeued.LastError);
        var again = Assert.Single(await outbox.ClaimDueAsync(T0.AddHours(1), 10, Lease, Ct));
        Assert.Equal(1, again.Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_mail_log_of_a_case_lists_its_messages_oldest_first(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var outbox = node.Get<IOutbox>();
        await outbox.EnqueueAsync(Message("b", created: T0.AddMinutes(2)), Ct);
        await outbox.EnqueueAsync(Message("a", created: T0.AddMinutes(1)), Ct);
        await outbox.EnqueueAsync(Message("other", instanceId: "i2"), Ct);

        var log = await outbox.ListByInstanceAsync("i1", Ct);

        Assert.Equal(["a", "b"], log.Select(m => m.IdempotencyKey));
    }

    private static void AssertSameMessage(OutboxMessage expected, OutboxMessage actual)
    {
        Assert.Equal(expected with { To = [], Cc = [], Bcc = [], ReplyTo = [], Attachments = [] },
            actual with { To = [], Cc = [], Bcc = [], ReplyTo = [], Attachments = [] });
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.Cc, actual.Cc);
        Assert.Equal(expected.Bcc, actual.Bcc);
        Assert.Equal(expected.ReplyTo, actual.ReplyTo);
        Assert.Equal(expected.Attachments, actual.Attachments);
    }
}

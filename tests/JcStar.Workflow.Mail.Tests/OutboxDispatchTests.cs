using JcStar.Workflow.Runtime.Mail;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

public sealed class OutboxDispatchTests
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_message_arrives_exactly_once_when_the_server_is_down_for_a_while_and_comes_back()
    {
        await using var server = new InProcessSmtpServer(); // not listening yet: connections are refused
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var queued = await TestMail.EnqueueAsync(outbox, clock, 5);
        var dispatcher = TestMail.Dispatcher(outbox, server.ClientOptions, clock);

        Assert.Equal(new DispatchSummary(0, 5, 0), await dispatcher.DispatchDueAsync(None));
        var afterFirst = await outbox.FindAsync(queued[0].Id, None);
        Assert.Equal(OutboxStatus.Queued, afterFirst!.Status);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.StartsWith("connect:", afterFirst.LastError);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), afterFirst.NextAttemptAt);

        // Not due yet: a run before the backoff has passed touches nothing.
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new DispatchSummary(0, 0, 0), await dispatcher.DispatchDueAsync(None));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DispatchSummary(0, 5, 0), await dispatcher.DispatchDueAsync(None));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), (await outbox.FindAsync(queued[0].Id, None))!.NextAttemptAt);

        await server.StartAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new DispatchSummary(5, 0, 0), await dispatcher.DispatchDueAsync(None));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new DispatchSummary(0, 0, 0), await dispatcher.DispatchDueAsync(None));

        Assert.Equal(queued.Select(m => m.MessageId).Order(), server.Received.Select(m => m.MessageId).Order());
        foreach (var message in queued)
        {
            var stored = await outbox.FindAsync(message.Id, None);
            Assert.Equal(OutboxStatus.Sent, stored!.Status);
            Assert.Equal(3, stored.Attempts);
            Assert.Equal(clock.GetUtcNow() - TimeSpan.FromHours(1), stored.SentAt);
        }
    }

    [Fact]
    public async Task A_rejected_recipient_fails_that_message_with_the_servers_reason_and_the_others_go()
    {
        await using var server = await InProcessSmtpServer.StartedAsync();
        server.RejectedRecipients["nobody@example.jp"] = true;
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var first = await outbox.EnqueueAsync(TestMail.Message("job-a", clock.GetUtcNow()), None);
        var rejected = await outbox.EnqueueAsync(TestMail.Message("job-b", clock.GetUtcNow(), to: "nobody@example.jp"), None);
        var last = await outbox.EnqueueAsync(TestMail.Message("job-c", clock.GetUtcNow()), None);

        var summary = await TestMail.Dispatcher(outbox, server.ClientOptions, clock).DispatchDueAsync(None);

        Assert.Equal(new DispatchSummary(2, 0, 1), summary);
        Assert.Equal(new[] { first.MessageId, last.MessageId }.Order(), server.Received.Select(m => m.MessageId).Order());
        var failed = await outbox.FindAsync(rejected.Id, None);
        Assert.Equal(OutboxStatus.Failed, failed!.Status);
        Assert.StartsWith("550 ", failed.LastError);
        Assert.Contains(InProcessSmtpServer.RejectionReason, failed.LastError);
        Assert.Contains("nobody@example.jp", failed.LastError);

        // A permanent failure is not retried by the schedule, only by staff.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DispatchSummary(0, 0, 0), await TestMail.Dispatcher(outbox, server.ClientOptions, clock).DispatchDueAsync(None));
    }

    [Fact]
    public async Task Staff_retry_of_a_failed_message_sends_it_once_the_cause_is_fixed_and_the_mail_log_shows_each_step()
    {
        await using var server = await InProcessSmtpServer.StartedAsync();
        server.RejectedRecipients["taro@example.jp"] = true;
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-retry", clock.GetUtcNow(), instanceId: "case-7"), None);
        await outbox.EnqueueAsync(TestMail.Message("job-other-case", clock.GetUtcNow(), to: "hanako@example.jp", instanceId: "case-8"), None);
        var dispatcher = TestMail.Dispatcher(outbox, server.ClientOptions, clock);
        await dispatcher.DispatchDueAsync(None);

        var log = await outbox.ListByInstanceAsync("case-7", None);
        var entry = Assert.Single(log);
        Assert.Equal((OutboxStatus.Failed, 1), (entry.Status, entry.Attempts));
        Assert.Contains(InProcessSmtpServer.RejectionReason, entry.LastError);
        Assert.False(await outbox.RetryAsync(Guid.NewGuid(), clock.GetUtcNow(), None));

        server.RejectedRecipients.Clear();
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(await outbox.RetryAsync(message.Id, clock.GetUtcNow(), None));
        Assert.Equal(OutboxStatus.Queued, (await outbox.FindAsync(message.Id, None))!.Status);
        Assert.Equal(new DispatchSummary(1, 0, 0), await dispatcher.DispatchDueAsync(None));

        entry = Assert.Single(await outbox.ListByInstanceAsync("case-7", None));
        Assert.Equal((OutboxStatus.Sent, 1, clock.GetUtcNow()), (entry.Status, entry.Attempts, entry.SentAt));
        Assert.False(await outbox.RetryAsync(message.Id, clock.GetUtcNow(), None)); // only failed messages are retried
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_server_that_keeps_failing_makes_the_message_fail_after_the_configured_attempts()
    {
        await using var server = new InProcessSmtpServer();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-doomed", clock.GetUtcNow()), None);
        var options = TestMail.Options(server.ClientOptions) with { MaxAttempts = 2 };
        var dispatcher = TestMail.Dispatcher(outbox, server.ClientOptions, clock, options: options);

        Assert.Equal(new DispatchSummary(0, 1, 0), await dispatcher.DispatchDueAsync(None));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(0, 0, 1), await dispatcher.DispatchDueAsync(None));

        var stored = await outbox.FindAsync(message.Id, None);
        Assert.Equal((OutboxStatus.Failed, 2), (stored!.Status, stored.Attempts));
        Assert.EndsWith("(gave up after 2 attempts)", stored.LastError);
    }

    [Fact]
    public async Task A_missing_attachment_fails_only_that_message()
    {
        await using var server = await InProcessSmtpServer.StartedAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var broken = await outbox.EnqueueAsync(TestMail.Message("job-broken", clock.GetUtcNow(), attachments: "doc-gone"), None);
        var fine = await outbox.EnqueueAsync(TestMail.Message("job-fine", clock.GetUtcNow()), None);

        Assert.Equal(new DispatchSummary(1, 0, 1), await TestMail.Dispatcher(outbox, server.ClientOptions, clock).DispatchDueAsync(None));

        Assert.Equal(fine.MessageId, Assert.Single(server.Received).MessageId);
        Assert.Contains("doc-gone", (await outbox.FindAsync(broken.Id, None))!.LastError);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_on_one_outbox_deliver_each_message_once()
    {
        await using var server = await InProcessSmtpServer.StartedAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var queued = await TestMail.EnqueueAsync(outbox, clock, 60);
        var options = TestMail.Options(server.ClientOptions) with { BatchSize = 3 };
        var one = TestMail.Dispatcher(outbox, server.ClientOptions, clock, options: options);
        var two = TestMail.Dispatcher(outbox, server.ClientOptions, clock, options: options);

        var summaries = await Task.WhenAll(
            Task.Run(() => one.DispatchDueAsync(None)),
            Task.Run(() => two.DispatchDueAsync(None)));

        Assert.Equal(60, summaries.Sum(s => s.Sent));
        Assert.Equal(60, server.Received.Count);
        Assert.Equal(queued.Select(m => m.MessageId).Order(), server.Received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Enqueueing_twice_with_one_idempotency_key_yields_one_message()
    {
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var first = await outbox.EnqueueAsync(TestMail.Message("job-once", clock.GetUtcNow()), None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await outbox.EnqueueAsync(TestMail.Message("job-once", clock.GetUtcNow()) with { Subject = "別の件名" }, None);

        Assert.Equal(first, second);
        Assert.Single(await outbox.ListByInstanceAsync("case-1", None));
    }

    [Fact]
    public void The_Message_Id_is_fixed_by_the_idempotency_key_and_the_domain()
    {
        var id = OutboxMessage.MessageIdFor("instance-1/notify/token-3/0", "jcstar.example.jp");

        Assert.Equal(id, OutboxMessage.MessageIdFor("instance-1/notify/token-3/0", "jcstar.example.jp"));
        Assert.NotEqual(id, OutboxMessage.MessageIdFor("instance-1/notify/token-3/1", "jcstar.example.jp"));
        Assert.Matches("^[0-9a-f]{32}\\.jcstar@jcstar\\.example\\.jp$", id);
    }
}

using JcStar.Workflow.Runtime.Mail;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

public sealed class CrashRecoveryTests
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dispatcher_killed_after_the_server_accepted_a_message_loses_none_and_resends_only_under_the_same_Message_Id()
    {
        var journal = Path.Combine(Directory.CreateTempSubdirectory("jcstar-journal-").FullName, "outbox.jsonl");
        await using var server = await InProcessSmtpServer.StartedAsync();
        var clock = TestMail.Clock();
        IReadOnlyList<OutboxMessage> queued;

        using (var store = new JournalOutbox(journal))
        {
            queued = await TestMail.EnqueueAsync(store, clock, 4);
            var doomed = TestMail.Dispatcher(new ProcessDeathOutbox(store), server.ClientOptions, clock);
            await Assert.ThrowsAsync<ProcessDiedException>(() => doomed.DispatchDueAsync(None));
        }
        var accepted = Assert.Single(server.Received);

        // The next process opens the same journal: the whole batch is still leased to the dead one.
        using var recovered = new JournalOutbox(journal);
        Assert.All(queued, m => Assert.Equal(OutboxStatus.Sending, recovered.FindAsync(m.Id, None).Result!.Status));
        var dispatcher = TestMail.Dispatcher(recovered, server.ClientOptions, clock);
        Assert.Equal(new DispatchSummary(0, 0, 0), await dispatcher.DispatchDueAsync(None));

        clock.Advance(TestMail.Options(server.ClientOptions).Lease);
        Assert.Equal(new DispatchSummary(4, 0, 0), await dispatcher.DispatchDueAsync(None));

        foreach (var message in queued)
            Assert.Equal(OutboxStatus.Sent, (await recovered.FindAsync(message.Id, None))!.Status);
        var byMessageId = server.Received.GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(queued.Select(m => m.MessageId).Order(), byMessageId.Keys.Order());
        // The one the server had already accepted came again, under the Message-Id the recipient already saw.
        Assert.Equal(2, byMessageId[accepted.MessageId ?? ""]);
        Assert.Equal(5, server.Received.Count);
    }

    [Fact]
    public async Task The_journal_outbox_reopens_with_every_change_and_without_a_torn_last_line()
    {
        var journal = Path.Combine(Directory.CreateTempSubdirectory("jcstar-journal-").FullName, "outbox.jsonl");
        var clock = TestMail.Clock();
        OutboxMessage message;
        using (var store = new JournalOutbox(journal))
        {
            message = await store.EnqueueAsync(TestMail.Message("job-日本語", clock.GetUtcNow()) with { Subject = "【JC-STAR】補正のお願い" }, None);
            var claimed = Assert.Single(await store.ClaimDueAsync(clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), None));
            Assert.True(await store.MarkAttemptFailedAsync(message.Id, claimed.LeaseToken!.Value, clock.GetUtcNow().AddMinutes(1), "421 try later", None));
        }
        await File.AppendAllTextAsync(journal, "{\"Id\":\"half a wri", None);

        using (var reopened = new JournalOutbox(journal))
        {
            var stored = await reopened.FindAsync(message.Id, None);
            Assert.Equal((OutboxStatus.Queued, 1, "421 try later", "【JC-STAR】補正のお願い"), (stored!.Status, stored.Attempts, stored.LastError, stored.Subject));
            Assert.Equal(message.To, stored.To.ToList());
            Assert.Equal(message.Id, (await reopened.EnqueueAsync(TestMail.Message("job-日本語", clock.GetUtcNow()), None)).Id);
            await reopened.EnqueueAsync(TestMail.Message("job-2", clock.GetUtcNow()), None);
        }
        using var third = new JournalOutbox(journal);
        Assert.Equal(2, (await third.ListByInstanceAsync("case-1", None)).Count);
    }
}

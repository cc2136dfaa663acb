using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Mail;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>The dispatcher dying mid-batch on the production outbox (EfOutbox) over SQLite and PostgreSQL.</summary>
public sealed class CrashRecoveryTests
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(OutboxDatabase.Providers), MemberType = typeof(OutboxDatabase))]
    public async Task A_dispatcher_killed_after_the_server_accepted_a_message_loses_none_and_resends_only_under_the_same_Message_Id(string provider)
    {
        await using var database = await OutboxDatabase.CreateAsync(provider);
        await using var server = await InProcessSmtpServer.StartedAsync();
        var clock = TestMail.Clock();
        IReadOnlyList<OutboxMessage> queued;

        await using (var doomedProcess = database.StartProcess())
        {
            Assert.IsType<EfOutbox>(doomedProcess.Outbox);
            queued = await TestMail.EnqueueAsync(doomedProcess.Outbox, clock, 4);
            var doomed = TestMail.Dispatcher(new ProcessDeathOutbox(doomedProcess.Outbox), server.ClientOptions, clock);
            await Assert.ThrowsAsync<ProcessDiedException>(() => doomed.DispatchDueAsync(None));
        }
        var accepted = Assert.Single(server.Received);

        // The next process opens the same database: the whole batch is still leased to the dead one.
        await using var next = database.StartProcess();
        var recovered = next.Outbox;
        foreach (var message in queued)
            Assert.Equal(OutboxStatus.Sending, (await recovered.FindAsync(message.Id, None))!.Status);
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
}

using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// A real outbox whose process "dies" at the worst moment: the first MarkSent throws, i.e. the server
/// has answered 250 but the outbox never hears of it. Everything else reaches the real store.
/// </summary>
public sealed class ProcessDeathOutbox(IOutbox store) : IOutbox
{
    private int _sentCalls;

    public Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _sentCalls) == 1
            ? throw new ProcessDiedException()
            : store.MarkSentAsync(id, sentAt, cancellationToken);

    public Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken) => store.EnqueueAsync(message, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken) =>
        store.ClaimDueAsync(now, batchSize, lease, cancellationToken);

    public Task<bool> MarkAttemptFailedAsync(Guid id, Guid leaseToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        store.MarkAttemptFailedAsync(id, leaseToken, nextAttemptAt, error, cancellationToken);

    public Task<bool> MarkFailedPermanentlyAsync(Guid id, Guid leaseToken, string error, CancellationToken cancellationToken) =>
        store.MarkFailedPermanentlyAsync(id, leaseToken, error, cancellationToken);

    public Task<bool> RetryAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) => store.RetryAsync(id, now, cancellationToken);

    public Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        store.ListByInstanceAsync(instanceId, cancellationToken);
}

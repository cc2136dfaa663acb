namespace JcStar.Workflow.Runtime.Mail;

/// <summary>The outbox in memory, for tests and the CLI. One lock makes every operation atomic, which is what the lease needs.</summary>
public sealed class InMemoryOutbox : IOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, OutboxMessage> _byId = [];
    private readonly Dictionary<string, Guid> _idByKey = new(StringComparer.Ordinal);

    public Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_idByKey.TryGetValue(message.IdempotencyKey, out var existing))
                return Task.FromResult(_byId[existing]);
            _byId.Add(message.Id, message);
            _idByKey.Add(message.IdempotencyKey, message.Id);
            return Task.FromResult(message);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var claimed = _byId.Values
                .Where(m => m.IsDue(now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
                .Take(batchSize)
                .Select(m => m.Claimed(now, lease, Guid.NewGuid()))
                .ToList();
            foreach (var message in claimed)
                _byId[message.Id] = message;
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
        }
    }

    public Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var message = _byId[id];
            if (message.Status != OutboxStatus.Sent)
                _byId[id] = message.Delivered(sentAt);
            return Task.CompletedTask;
        }
    }

    public Task<bool> MarkAttemptFailedAsync(Guid id, Guid leaseToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Task.FromResult(ApplyIfHeld(id, leaseToken, m => m.AttemptFailed(nextAttemptAt, error)));

    public Task<bool> MarkFailedPermanentlyAsync(Guid id, Guid leaseToken, string error, CancellationToken cancellationToken) =>
        Task.FromResult(ApplyIfHeld(id, leaseToken, m => m.FailedPermanently(error)));

    public Task<bool> RetryAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var message) || message.Status != OutboxStatus.Failed)
                return Task.FromResult(false);
            _byId[id] = message.Requeued(now);
            return Task.FromResult(true);
        }
    }

    public Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_byId.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<OutboxMessage>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> log = _byId.Values
                .Where(m => m.InstanceId == instanceId)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.IdempotencyKey, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(log);
        }
    }

    private bool ApplyIfHeld(Guid id, Guid leaseToken, Func<OutboxMessage, OutboxMessage> transition)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var message) || !message.IsHeldBy(leaseToken))
                return false;
            _byId[id] = transition(message);
            return true;
        }
    }
}

namespace JcStar.Workflow.Runtime.Mail;

/// <summary>The outbox in memory, for tests and the CLI. One lock makes every operation atomic, which is what the lease needs.</summary>
public sealed class InMemoryOutbox : IOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, OutboxMessage> _byId = [];
    private readonly Dictionary<string, Guid> _idByKey = new(StringComparer.Ordinal);

    /// <summary>Messages that failed for good (statistics).</summary>
    public int CountFailed()
    {
        lock (_gate)
            return _byId.Values.Count(m => m.Status == OutboxStatus.Failed);
    }

    public Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(AddIfAbsent(message));
    }

    /// <summary>
    /// The in-memory instance store's half of a commit: every message whose key is new, at once.
    /// Called under the store's lock; takes only this outbox's own, so the two never wait on each other in turn.
    /// </summary>
    internal void AddIfAbsent(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count == 0)
            return;
        lock (_gate)
        {
            // Checked before anything is added, so a bad batch adds nothing (a database would roll it back).
            if (messages.FirstOrDefault(m => !_idByKey.ContainsKey(m.IdempotencyKey) && _byId.ContainsKey(m.Id)) is { } clash)
                throw new InvalidOperationException($"outbox message {clash.Id} ({clash.IdempotencyKey}) has the id of a stored message with another idempotency key");
            foreach (var message in messages)
                AddIfAbsent(message);
        }
    }

    private OutboxMessage AddIfAbsent(OutboxMessage message)
    {
        if (_idByKey.TryGetValue(message.IdempotencyKey, out var existing))
            return _byId[existing];
        _byId.Add(message.Id, message);
        _idByKey.Add(message.IdempotencyKey, message.Id);
        return message;
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

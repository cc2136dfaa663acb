namespace JcStar.Workflow.Runtime.Mail;

/// <summary>
/// The transactional outbox. A workflow step's mail does not pass through here: the handler returns it
/// in its <see cref="Activities.ActivityResult.OutboxMessages"/> and the instance store writes it in the
/// transaction that commits the step, so it is committed with the step or not at all. This port is the
/// dispatcher's and the UI's: claiming, outcomes, staff retries and the mail log.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Records the message on its own, in a transaction of its own, unless one with the same
    /// <see cref="OutboxMessage.IdempotencyKey"/> exists; returns the stored message either way, so
    /// enqueueing twice yields one message. For mail that belongs to no workflow step (tools, tests);
    /// a step that enqueued here would send its mail even when the step itself never commits.
    /// </summary>
    Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="batchSize"/> due messages (oldest first) and leases them until
    /// <paramref name="now"/> + <paramref name="lease"/>: each becomes <see cref="OutboxStatus.Sending"/> with a
    /// fresh <see cref="OutboxMessage.LeaseToken"/>, one more attempt and <see cref="OutboxMessage.LastAttemptAt"/> = now.
    /// Atomic: two dispatchers never claim the same message while its lease runs.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The server accepted the message. Applies whoever holds the lease: delivery is a fact, not a claim.</summary>
    Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Back to queued for another attempt at <paramref name="nextAttemptAt"/>; ignored unless <paramref name="leaseToken"/> still holds it.</summary>
    Task<bool> MarkAttemptFailedAsync(Guid id, Guid leaseToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Failed for good (rejected, or out of attempts); ignored unless <paramref name="leaseToken"/> still holds it.</summary>
    Task<bool> MarkFailedPermanentlyAsync(Guid id, Guid leaseToken, string error, CancellationToken cancellationToken);

    /// <summary>Staff send a failed message again: queued, due at <paramref name="now"/>, attempts reset. False unless it had failed.</summary>
    Task<bool> RetryAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The case's mail log, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken);
}

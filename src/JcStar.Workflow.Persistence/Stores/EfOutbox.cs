using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// The mail outbox in the workflow database, shared by every server on it. Claims are atomic, each
/// database's dialect wording its own claim (<see cref="Databases.IDatabaseDialect.ClaimOutboxAsync"/>); outcomes
/// apply only under the lease token that claimed the message, except delivery, which is a fact.
/// </summary>
public sealed class EfOutbox(IDbContextFactory<WorkflowDbContext> factory) : IOutbox
{
    private const int Queued = (int)OutboxStatus.Queued;
    private const int Sending = (int)OutboxStatus.Sending;
    private const int Sent = (int)OutboxStatus.Sent;
    private const int Failed = (int)OutboxStatus.Failed;

    public async Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.MailOutbox.Add(message.ToRow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return message;
            }
            catch (DbUpdateException)
            {
                // Most likely the key is taken (a replayed step, another node); anything else rethrows below.
            }
        }
        await using var again = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await again.MailOutbox.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == message.IdempotencyKey, cancellationToken);
        return stored?.ToRecord() ?? throw new InvalidOperationException($"outbox message {message.IdempotencyKey} could not be stored");
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (batchSize <= 0)
            return [];
        var at = now.ToUniversalTime();
        var until = (now + lease).ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Dialect.ClaimOutboxAsync(db, at, until, batchSize, cancellationToken);
        return rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.CreatedAt).Select(r => r.ToRecord()).ToList();
    }

    public async Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var at = sentAt.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.MailOutbox.Where(m => m.Id == id && m.Status != Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Sent).SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseToken, (Guid?)null).SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task<bool> MarkAttemptFailedAsync(Guid id, Guid leaseToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        var next = nextAttemptAt.ToUniversalTime();
        var capped = OutboxRowMapping.Capped(error);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = await db.MailOutbox.Where(m => m.Id == id && m.Status == Sending && m.LeaseToken == leaseToken)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Queued).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, capped)
                .SetProperty(m => m.LeaseToken, (Guid?)null).SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        return changed == 1;
    }

    public async Task<bool> MarkFailedPermanentlyAsync(Guid id, Guid leaseToken, string error, CancellationToken cancellationToken)
    {
        var capped = OutboxRowMapping.Capped(error);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = await db.MailOutbox.Where(m => m.Id == id && m.Status == Sending && m.LeaseToken == leaseToken)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Failed).SetProperty(m => m.LastError, capped)
                .SetProperty(m => m.LeaseToken, (Guid?)null).SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        return changed == 1;
    }

    public async Task<bool> RetryAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = await db.MailOutbox.Where(m => m.Id == id && m.Status == Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Queued).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, at)
                .SetProperty(m => m.LeaseToken, (Guid?)null).SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        return changed == 1;
    }

    public async Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.MailOutbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken))?.ToRecord();
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MailOutbox.AsNoTracking().Where(m => m.InstanceId == instanceId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.IdempotencyKey).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }
}

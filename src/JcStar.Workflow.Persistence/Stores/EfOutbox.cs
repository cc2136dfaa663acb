using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// The mail outbox in the workflow database, shared by every server on it. Claims are atomic per
/// provider (row locks skipped on PostgreSQL and SQL Server, the single writer on SQLite); outcomes
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
        var rows = db.Database.ProviderName switch
        {
            ProviderNames.PostgreSql => await db.MailOutbox.FromSql($"""
                UPDATE "mail_outbox" AS m
                SET "Status" = {Sending}, "Attempts" = m."Attempts" + 1, "LastAttemptAt" = {at},
                    "LeaseToken" = gen_random_uuid(), "LeaseExpiresAt" = {until}
                WHERE m."Id" IN (
                    SELECT d."Id" FROM "mail_outbox" AS d
                    WHERE (d."Status" = {Queued} AND d."NextAttemptAt" <= {at}) OR (d."Status" = {Sending} AND d."LeaseExpiresAt" <= {at})
                    ORDER BY d."NextAttemptAt", d."CreatedAt"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING m.*
                """).AsNoTracking().ToListAsync(cancellationToken),
            ProviderNames.SqlServer => await db.MailOutbox.FromSql($"""
                WITH due AS (
                    SELECT TOP ({batchSize}) * FROM [mail_outbox] WITH (UPDLOCK, READPAST, ROWLOCK)
                    WHERE ([Status] = {Queued} AND [NextAttemptAt] <= {at}) OR ([Status] = {Sending} AND [LeaseExpiresAt] <= {at})
                    ORDER BY [NextAttemptAt], [CreatedAt])
                UPDATE due
                SET [Status] = {Sending}, [Attempts] = [Attempts] + 1, [LastAttemptAt] = {at}, [LeaseToken] = NEWID(), [LeaseExpiresAt] = {until}
                OUTPUT inserted.*;
                """).AsNoTracking().ToListAsync(cancellationToken),
            _ => await ClaimInWriteTransactionAsync(db, at, until, batchSize, cancellationToken),
        };
        return rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.CreatedAt).Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// SQLite: Microsoft.Data.Sqlite begins transactions IMMEDIATE, so this one holds the database's
    /// single write lock from the select to the commit and no other claimer can see the same rows as due.
    /// </summary>
    private static async Task<List<OutboxRow>> ClaimInWriteTransactionAsync(WorkflowDbContext db, DateTimeOffset at, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.MailOutbox
            .Where(m => (m.Status == Queued && m.NextAttemptAt <= at) || (m.Status == Sending && m.LeaseExpiresAt <= at))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Status = Sending;
            row.Attempts++;
            row.LastAttemptAt = at;
            row.LeaseToken = Guid.NewGuid();
            row.LeaseExpiresAt = until;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
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

using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Persistence.PostgreSql;

/// <summary>What PostgreSQL does its own way: NULL sorts last by itself, claims skip locked rows, the rows-only commit is one batch.</summary>
internal sealed class PostgreSqlDialect : IDatabaseDialect
{
    public static readonly PostgreSqlDialect Instance = new();

    private PostgreSqlDialect()
    {
    }

    public bool SortsNullsLast => true;

    public string TextValuesOf(string parameter) => $"SELECT json_array_elements_text(CAST({parameter} AS json))";

    public Task<List<OutboxRow>> ClaimOutboxAsync(WorkflowDbContext db, DateTimeOffset at, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        const int queued = (int)OutboxStatus.Queued;
        const int sending = (int)OutboxStatus.Sending;
        return db.MailOutbox.FromSql($"""
            UPDATE "mail_outbox" AS m
            SET "Status" = {sending}, "Attempts" = m."Attempts" + 1, "LastAttemptAt" = {at},
                "LeaseToken" = gen_random_uuid(), "LeaseExpiresAt" = {until}
            WHERE m."Id" IN (
                SELECT d."Id" FROM "mail_outbox" AS d
                WHERE (d."Status" = {queued} AND d."NextAttemptAt" <= {at}) OR (d."Status" = {sending} AND d."LeaseExpiresAt" <= {at})
                ORDER BY d."NextAttemptAt", d."CreatedAt"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING m.*
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    public ICommitStrategy CreateCommitStrategy(IDbContextFactory<WorkflowDbContext> factory, ILoggerFactory loggers) =>
        new PostgreSqlCommitStrategy(factory);
}

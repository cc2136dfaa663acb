using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>What SQLite does its own way: times as integers, claims under its single write lock, the group commit.</summary>
internal sealed class SqliteDialect : IDatabaseDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    /// <summary>
    /// SQLite has no date type: EF would store text it cannot compare or sort. Unix milliseconds
    /// (all times are UTC) compare and sort as integers and index well.
    /// </summary>
    public void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    /// <summary>The mail engineer's spec: UTC ticks for the outbox, so lease times keep their full precision and still compare and sort in SQL.</summary>
    public void ConfigureModel(ModelBuilder model) =>
        model.Entity<OutboxRow>(e =>
        {
            foreach (var p in e.Metadata.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                p.SetValueConverter(new UtcTicksConverter());
        });

    /// <summary>
    /// Microsoft.Data.Sqlite begins transactions IMMEDIATE, so this one holds the database's single
    /// write lock from the select to the commit and no other claimer can see the same rows as due.
    /// </summary>
    public async Task<List<OutboxRow>> ClaimOutboxAsync(WorkflowDbContext db, DateTimeOffset at, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        const int queued = (int)OutboxStatus.Queued;
        const int sending = (int)OutboxStatus.Sending;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.MailOutbox
            .Where(m => (m.Status == queued && m.NextAttemptAt <= at) || (m.Status == sending && m.LeaseExpiresAt <= at))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Status = sending;
            row.Attempts++;
            row.LastAttemptAt = at;
            row.LeaseToken = Guid.NewGuid();
            row.LeaseExpiresAt = until;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    public Task<T> GuardMigrationAsync<T>(WorkflowDbContext db, Func<CancellationToken, Task<bool>> anyPending, Func<CancellationToken, Task<T>> migrate, ILogger logger, CancellationToken cancellationToken) =>
        SqliteMigrationGuard.RunAsync(db.Database.GetConnectionString() ?? "", anyPending, migrate, logger, cancellationToken);

    public ICommitStrategy CreateCommitStrategy(IDbContextFactory<WorkflowDbContext> factory, ILoggerFactory loggers) =>
        new SqliteCommitStrategy(factory, loggers);

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

using System.Runtime.CompilerServices;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.SqlServer;

/// <summary>What SQL Server does its own way: one NULL per unique index, MERGE for counters, claims that skip locked rows.</summary>
internal sealed class SqlServerDialect : IDatabaseDialect
{
    public string TextValuesOf(string parameter) => $"SELECT value FROM OPENJSON({parameter})";

    public static readonly SqlServerDialect Instance = new();

    private SqlServerDialect()
    {
    }

    /// <summary>SQL Server lets only one NULL into a unique index, so the documents' source key index holds keyed rows only.</summary>
    public void ConfigureModel(ModelBuilder model) =>
        model.Entity<DocumentRow>().HasIndex(x => x.SourceKey).HasFilter("[SourceKey] IS NOT NULL");

    public FormattableString NextCounterValue(string table, string nameColumn, string valueColumn, string name) =>
        FormattableStringFactory.Create(
            $"MERGE [{table}] WITH (HOLDLOCK) AS t " +
            $"USING (SELECT {{0}} AS [{nameColumn}]) AS s ON t.[{nameColumn}] = s.[{nameColumn}] " +
            $"WHEN MATCHED THEN UPDATE SET [{valueColumn}] = t.[{valueColumn}] + 1 " +
            $"WHEN NOT MATCHED THEN INSERT ([{nameColumn}], [{valueColumn}]) VALUES (s.[{nameColumn}], 1) " +
            $"OUTPUT inserted.[{valueColumn}];",
            name);

    public Task<List<OutboxRow>> ClaimOutboxAsync(WorkflowDbContext db, DateTimeOffset at, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        const int queued = (int)OutboxStatus.Queued;
        const int sending = (int)OutboxStatus.Sending;
        return db.MailOutbox.FromSql($"""
            WITH due AS (
                SELECT TOP ({batchSize}) * FROM [mail_outbox] WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE ([Status] = {queued} AND [NextAttemptAt] <= {at}) OR ([Status] = {sending} AND [LeaseExpiresAt] <= {at})
                ORDER BY [NextAttemptAt], [CreatedAt])
            UPDATE due
            SET [Status] = {sending}, [Attempts] = [Attempts] + 1, [LastAttemptAt] = {at}, [LeaseToken] = NEWID(), [LeaseExpiresAt] = {until}
            OUTPUT inserted.*;
            """).AsNoTracking().ToListAsync(cancellationToken);
    }
}

using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Backups;

/// <summary>The row counts a backup manifest records and a restore compares, read through one context (one snapshot).</summary>
public static class BackupCounts
{
    public static async Task<SortedDictionary<string, long>> ReadAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<InstanceStatus>())
        {
            var value = (int)status;
            counts[$"instances.{status.ToString().ToLowerInvariant()}"] = await db.Instances.LongCountAsync(i => i.Status == value, cancellationToken);
        }
        counts["tasks.open"] = await db.Tasks.LongCountAsync(t => t.Status == (int)HumanTaskStatus.Open, cancellationToken);
        counts["timers.pending"] = await db.Timers.LongCountAsync(t => t.Status == (int)TimerStatus.Pending, cancellationToken);
        counts["mail.queued"] = await db.MailOutbox.LongCountAsync(m => m.Status == (int)OutboxStatus.Queued || m.Status == (int)OutboxStatus.Sending, cancellationToken);
        counts["mail.sent"] = await db.MailOutbox.LongCountAsync(m => m.Status == (int)OutboxStatus.Sent, cancellationToken);
        counts["documents.database"] = await db.Documents.LongCountAsync(cancellationToken);
        counts["audit"] = await db.AuditLog.LongCountAsync(cancellationToken);
        counts["definitions"] = await db.Definitions.LongCountAsync(cancellationToken);
        foreach (var contribution in db.Contributions)
            await contribution.AddBackupCountsAsync(db, counts, cancellationToken);
        return counts;
    }

    /// <summary>The last migration applied to the database; the schema a backup of it needs.</summary>
    public static async Task<string> SchemaMigrationAsync(WorkflowDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault()
        ?? throw new InvalidOperationException("the workflow database has no migrations applied; run `jcstar db migrate` (or start the server once) before backing it up");
}

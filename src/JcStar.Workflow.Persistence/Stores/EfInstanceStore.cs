using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfInstanceStore(IDbContextFactory<WorkflowDbContext> factory) : IInstanceStore
{
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return row?.ToRecord();
    }

    public async Task<Page<WorkflowInstance>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var page = query.Page ?? new PageRequest();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.Instances.AsNoTracking();
        if (query.ProcessId is not null)
            rows = rows.Where(i => i.ProcessId == query.ProcessId);
        if (query.BusinessKey is not null)
            rows = rows.Where(i => i.BusinessKey == query.BusinessKey);
        if (query.Status is { } status)
            rows = rows.Where(i => i.Status == (int)status);
        var list = await rows.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Skip(page.Skip).Take(page.Take + 1).ToListAsync(cancellationToken);
        return page.ToPage(list.Select(r => r.ToRecord()).ToList());
    }

    public async Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var instance = commit.Instance.ToRow();
        if (commit.ExpectedVersion is { } expected)
        {
            var entry = db.Instances.Attach(instance);
            entry.State = EntityState.Modified;
            entry.Property(i => i.Version).OriginalValue = expected;
        }
        else
        {
            db.Instances.Add(instance);
        }

        if (commit.CloseRemainingWork)
            await CloseRemainingWorkAsync(db, commit, cancellationToken);

        await SaveTasksAsync(db, commit.Tasks, commit.NewRowIds, commit.ExistingRowIds, cancellationToken);
        await UpsertAsync(db, db.Timers, commit.Timers.Select(t => t.ToRow()).ToList(), r => r.Id, cancellationToken);
        await UpsertAsync(db, db.Jobs, commit.Jobs.Select(j => j.ToRow()).ToList(), r => r.Id, cancellationToken);
        await UpsertAsync(db, db.Incidents, commit.Incidents.Select(i => i.ToRow()).ToList(), r => r.Id, cancellationToken);
        await UpsertAsync(db, db.MessageSubscriptions, commit.MessageSubscriptionsOpened.Select(s => s.ToRow()).ToList(), r => r.Id, cancellationToken);
        await UpsertAsync(db, db.SignalSubscriptions, commit.SignalSubscriptionsOpened.Select(s => s.ToRow()).ToList(), r => r.Id, cancellationToken);
        if (commit.MessageSubscriptionsClosed.Count > 0)
        {
            var closed = commit.MessageSubscriptionsClosed.ToList();
            await db.MessageSubscriptions.Where(s => closed.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        if (commit.SignalSubscriptionsClosed.Count > 0)
        {
            var closed = commit.SignalSubscriptionsClosed.ToList();
            await db.SignalSubscriptions.Where(s => closed.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        db.AuditLog.AddRange(commit.Audit.Select(a => a.ToRow()));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {instance.Id} was changed by another command");
        }
        catch (DbUpdateException) when (commit.ExpectedVersion is null)
        {
            if (await ExistsAsync(instance.Id))
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {instance.Id} already exists");
            throw;
        }
    }

    private async Task<bool> ExistsAsync(string instanceId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Instances.AnyAsync(i => i.Id == instanceId);
    }

    private static async Task SaveTasksAsync(WorkflowDbContext db, IReadOnlyList<HumanTask> tasks, IReadOnlySet<string> newIds, IReadOnlySet<string> knownIds, CancellationToken ct)
    {
        if (tasks.Count == 0)
            return;
        // A task the command opened is new and one it read exists; only the others need a look.
        var ids = tasks.Where(t => !newIds.Contains(t.Id) && !knownIds.Contains(t.Id)).Select(t => t.Id).ToList();
        var existing = ids.Count == 0 ? new HashSet<string>(StringComparer.Ordinal)
            : (await db.Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        existing.UnionWith(tasks.Where(t => knownIds.Contains(t.Id)).Select(t => t.Id));
        var closedIds = new List<string>();
        foreach (var task in tasks)
        {
            if (existing.Contains(task.Id))
            {
                db.Tasks.Update(task.ToRow());
                if (task.Status != HumanTaskStatus.Open)
                    closedIds.Add(task.Id);
            }
            else
            {
                db.Tasks.Add(task.ToRow());
                db.TaskCandidates.AddRange(task.CandidateRows());
            }
        }
        if (closedIds.Count > 0)
            await db.TaskCandidates.Where(c => closedIds.Contains(c.TaskId) && c.IsOpen).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsOpen, false), ct);
    }

    /// <summary>Inserts rows that are new and replaces those that exist: the engine may re-arm a timer or re-invoke a job under the same id.</summary>
    private static async Task UpsertAsync<TRow>(WorkflowDbContext db, DbSet<TRow> set, IReadOnlyList<TRow> rows, Func<TRow, string> id, CancellationToken ct)
        where TRow : class
    {
        if (rows.Count == 0)
            return;
        var ids = rows.Select(id).ToList();
        var existing = (await set.Where(r => ids.Contains(EF.Property<string>(r, "Id"))).Select(r => EF.Property<string>(r, "Id")).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (existing.Contains(id(row)))
                set.Update(row);
            else
                set.Add(row);
        }
    }

    /// <summary>
    /// Closes what the ended instance's effects left open, in one round trip. Rows this commit writes
    /// itself are written after this and keep the state the commit gives them.
    /// </summary>
    private static async Task CloseRemainingWorkAsync(WorkflowDbContext db, InstanceCommit commit, CancellationToken ct)
    {
        var id = commit.Instance.Id;
        var at = commit.Instance.UpdatedAt.ToUniversalTime();
        // SQLite keeps times as Unix milliseconds (see WorkflowDbContext); raw SQL bypasses EF's converter.
        object now = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? at.ToUnixTimeMilliseconds() : at;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "task_candidates" SET "IsOpen" = {false} WHERE "IsOpen" = {true} AND "TaskId" IN (SELECT "Id" FROM "tasks" WHERE "InstanceId" = {id} AND "Status" = {(int)HumanTaskStatus.Open});
            UPDATE "tasks" SET "Status" = {(int)HumanTaskStatus.Cancelled}, "CompletedAt" = {now} WHERE "InstanceId" = {id} AND "Status" = {(int)HumanTaskStatus.Open};
            UPDATE "timers" SET "Status" = {(int)TimerStatus.Cancelled} WHERE "InstanceId" = {id} AND "Status" = {(int)TimerStatus.Pending};
            UPDATE "jobs" SET "Status" = {(int)JobStatus.Cancelled}, "FinishedAt" = {now}, "LeaseOwner" = NULL, "LeaseUntil" = NULL WHERE "InstanceId" = {id} AND "Kind" = {(int)JobKind.Activity} AND "Status" = {(int)JobStatus.Pending};
            DELETE FROM "message_subscriptions" WHERE "InstanceId" = {id};
            DELETE FROM "signal_subscriptions" WHERE "InstanceId" = {id};
            """, ct);
    }
}

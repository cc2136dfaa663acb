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

        await SaveTasksAsync(db, commit.Tasks, commit.NewRowIds, cancellationToken);
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

    private static async Task SaveTasksAsync(WorkflowDbContext db, IReadOnlyList<HumanTask> tasks, IReadOnlySet<string> newIds, CancellationToken ct)
    {
        if (tasks.Count == 0)
            return;
        // A task the command opened is new; only the others need a look.
        var ids = tasks.Where(t => !newIds.Contains(t.Id)).Select(t => t.Id).ToList();
        var existing = ids.Count == 0 ? []
            : (await db.Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>Closes what the ended instance's effects left open, except rows this commit writes itself.</summary>
    private static async Task CloseRemainingWorkAsync(WorkflowDbContext db, InstanceCommit commit, CancellationToken ct)
    {
        var id = commit.Instance.Id;
        var now = commit.Instance.UpdatedAt.ToUniversalTime();
        var taskIds = commit.Tasks.Select(t => t.Id).ToList();
        var timerIds = commit.Timers.Select(t => t.Id).ToList();
        var jobIds = commit.Jobs.Select(j => j.Id).ToList();
        const int open = (int)HumanTaskStatus.Open;
        await db.TaskCandidates
            .Where(c => c.IsOpen && db.Tasks.Any(t => t.Id == c.TaskId && t.InstanceId == id && t.Status == open && !taskIds.Contains(t.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsOpen, false), ct);
        await db.Tasks.Where(t => t.InstanceId == id && t.Status == open && !taskIds.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, (int)HumanTaskStatus.Cancelled).SetProperty(t => t.CompletedAt, now), ct);
        await db.Timers.Where(t => t.InstanceId == id && t.Status == (int)TimerStatus.Pending && !timerIds.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, (int)TimerStatus.Cancelled), ct);
        await db.Jobs.Where(j => j.InstanceId == id && j.Kind == (int)JobKind.Activity && j.Status == (int)JobStatus.Pending && !jobIds.Contains(j.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, (int)JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        await db.MessageSubscriptions.Where(s => s.InstanceId == id).ExecuteDeleteAsync(ct);
        await db.SignalSubscriptions.Where(s => s.InstanceId == id).ExecuteDeleteAsync(ct);
    }
}

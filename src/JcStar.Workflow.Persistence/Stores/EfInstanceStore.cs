using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfInstanceStore(IDbContextFactory<WorkflowDbContext> factory, ICommitStrategy sessions) : IInstanceStore
{
    // Compiled: every command reads its instance, and LINQ's per-call translation costs more than the read.
    private static readonly CompiledQuery<string, InstanceRow?> ById = new((db, id, _) => db.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id));


    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        var read = await sessions.ReadAsync<InstanceRow>([], r =>
        {
            var id = r.Value(nameof(InstanceRow.Id), instanceId, 0);
            return ($"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Column(nameof(InstanceRow.Id))} = {id.Name}", [id]);
        }, cancellationToken);
        if (read is not null)
            return read.FirstOrDefault()?.ToRecord();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await ById.RunAsync(db, instanceId, cancellationToken))?.ToRecord();
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
        if (query.InstanceIds is { } instanceIds)
        {
            var ids = instanceIds.ToList();
            rows = rows.Where(i => ids.Contains(i.Id));
        }
        if (query.Scope is { } scope)
        {
            var org = scope.ApplicantOrganizationId;
            var facility = scope.FacilityId;
            var processes = scope.ProcessIds.ToList();
            var excluded = scope.ExcludedApplicants.ToList();
            rows = from i in rows
                   join p in db.CaseParties on i.Id equals p.InstanceId into ps
                   from p in ps.DefaultIfEmpty()
                   where (org != null && p != null && p.ApplicantOrganizationId == org)
                      || (facility != null && p != null && p.FacilityId == facility)
                      || (processes.Contains(i.ProcessId) && (p == null || p.ApplicantOrganizationId == null || !excluded.Contains(p.ApplicantOrganizationId)))
                   select i;
        }
        var list = await rows.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Skip(page.Skip).Take(page.Take + 1).ToListAsync(cancellationToken);
        return page.ToPage(list.Select(r => r.ToRecord()).ToList());
    }

    public async Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        if (IsRowsOnly(commit) && await sessions.TryCommitRowsAsync(new RowsOnlyCommit(commit, db => RowsOnlyStatements(db, commit)), cancellationToken))
            return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        using var writer = await sessions.EnterWriterAsync(db, cancellationToken);
        await CommitWithChangeTrackerAsync(db, commit, cancellationToken);
    }

    /// <summary>
    /// The hot commit (start, complete a task, claim): the instance, tasks whose existence the command
    /// knows, their candidates and the audit, with no timer, job, incident, subscription or mail. Those need
    /// no look-up first, so all of it is one batched command in the transaction.
    /// </summary>
    private static bool IsRowsOnly(InstanceCommit commit) =>
        commit.Timers.Count == 0 && commit.Jobs.Count == 0 && commit.Incidents.Count == 0 && commit.OutboxMessages.Count == 0
        && commit.MessageSubscriptionsOpened.Count == 0 && commit.MessageSubscriptionsClosed.Count == 0
        && commit.SignalSubscriptionsOpened.Count == 0 && commit.SignalSubscriptionsClosed.Count == 0
        && commit.Tasks.All(t => commit.NewRowIds.Contains(t.Id) || commit.ExistingRowIds.Contains(t.Id));

    /// <summary>The rows-only commit as statements: the instance first (its UPDATE reports the row when the version still matched).</summary>
    private static SqlRowBatch RowsOnlyStatements(WorkflowDbContext db, InstanceCommit commit)
    {
        var batch = new SqlRowBatch(db);
        var instance = commit.Instance.ToRow();
        var version = batch.Column<InstanceRow>(nameof(InstanceRow.Version));
        if (commit.ExpectedVersion is { } expected)
            batch.Update(instance, $"{version} = {batch.Value<InstanceRow>(nameof(InstanceRow.Version), expected)}", version);
        else
            batch.Insert([instance]);
        if (commit.CloseRemainingWork)
            CloseRemainingWork(batch, commit);

        var inserted = new List<TaskRow>();
        var candidates = new List<TaskCandidateRow>();
        var isOpen = batch.Column<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen));
        foreach (var task in commit.Tasks)
        {
            if (commit.ExistingRowIds.Contains(task.Id))
            {
                batch.Update(task.ToRow());
                if (task.Status != HumanTaskStatus.Open)
                {
                    batch.Append($"UPDATE {batch.Table<TaskCandidateRow>()} SET {isOpen} = {batch.Value<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen), false)} " +
                        $"WHERE {batch.Column<TaskCandidateRow>(nameof(TaskCandidateRow.TaskId))} = {batch.Value<TaskCandidateRow>(nameof(TaskCandidateRow.TaskId), task.Id)} AND {isOpen} = {batch.Value<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen), true)}");
                }
            }
            else
            {
                inserted.Add(task.ToRow());
                candidates.AddRange(task.CandidateRows());
            }
        }
        batch.Insert(inserted);
        batch.Insert(candidates);
        batch.Insert(commit.Audit.Select(a => a.ToRow()).ToList());
        return batch;
    }

    /// <summary>Closes what an ended instance's effects left open: its open tasks (and their inbox rows), pending timers and activity jobs, and its subscriptions.</summary>
    private static void CloseRemainingWork(SqlRowBatch batch, InstanceCommit commit)
    {
        var at = commit.Instance.UpdatedAt.ToUniversalTime();
        var id = commit.Instance.Id;
        string T<TRow>() => batch.Table<TRow>();
        string C<TRow>(string property) => batch.Column<TRow>(property);
        string V<TRow>(string property, object? value) => batch.Value<TRow>(property, value);
        // Values belong to the statement appended next, so each statement makes its own.
        string OpenTask() => V<TaskRow>(nameof(TaskRow.Status), (int)HumanTaskStatus.Open);
        string TaskInstance() => V<TaskRow>(nameof(TaskRow.InstanceId), id);
        batch.Append($"UPDATE {T<TaskCandidateRow>()} SET {C<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen))} = {V<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen), false)} WHERE {C<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen))} = {V<TaskCandidateRow>(nameof(TaskCandidateRow.IsOpen), true)} AND {C<TaskCandidateRow>(nameof(TaskCandidateRow.TaskId))} IN (SELECT {C<TaskRow>(nameof(TaskRow.Id))} FROM {T<TaskRow>()} WHERE {C<TaskRow>(nameof(TaskRow.InstanceId))} = {TaskInstance()} AND {C<TaskRow>(nameof(TaskRow.Status))} = {OpenTask()})");
        batch.Append($"UPDATE {T<TaskRow>()} SET {C<TaskRow>(nameof(TaskRow.Status))} = {V<TaskRow>(nameof(TaskRow.Status), (int)HumanTaskStatus.Cancelled)}, {C<TaskRow>(nameof(TaskRow.CompletedAt))} = {V<TaskRow>(nameof(TaskRow.CompletedAt), at)} WHERE {C<TaskRow>(nameof(TaskRow.InstanceId))} = {TaskInstance()} AND {C<TaskRow>(nameof(TaskRow.Status))} = {OpenTask()}");
        batch.Append($"UPDATE {T<TimerRow>()} SET {C<TimerRow>(nameof(TimerRow.Status))} = {V<TimerRow>(nameof(TimerRow.Status), (int)TimerStatus.Cancelled)} WHERE {C<TimerRow>(nameof(TimerRow.InstanceId))} = {V<TimerRow>(nameof(TimerRow.InstanceId), id)} AND {C<TimerRow>(nameof(TimerRow.Status))} = {V<TimerRow>(nameof(TimerRow.Status), (int)TimerStatus.Pending)}");
        batch.Append($"UPDATE {T<JobRow>()} SET {C<JobRow>(nameof(JobRow.Status))} = {V<JobRow>(nameof(JobRow.Status), (int)JobStatus.Cancelled)}, {C<JobRow>(nameof(JobRow.FinishedAt))} = {V<JobRow>(nameof(JobRow.FinishedAt), at)}, {C<JobRow>(nameof(JobRow.LeaseOwner))} = NULL, {C<JobRow>(nameof(JobRow.LeaseUntil))} = NULL WHERE {C<JobRow>(nameof(JobRow.InstanceId))} = {V<JobRow>(nameof(JobRow.InstanceId), id)} AND {C<JobRow>(nameof(JobRow.Kind))} = {V<JobRow>(nameof(JobRow.Kind), (int)JobKind.Activity)} AND {C<JobRow>(nameof(JobRow.Status))} = {V<JobRow>(nameof(JobRow.Status), (int)JobStatus.Pending)}");
        batch.Append($"DELETE FROM {T<MessageSubscriptionRow>()} WHERE {C<MessageSubscriptionRow>(nameof(MessageSubscriptionRow.InstanceId))} = {V<MessageSubscriptionRow>(nameof(MessageSubscriptionRow.InstanceId), id)}");
        batch.Append($"DELETE FROM {T<SignalSubscriptionRow>()} WHERE {C<SignalSubscriptionRow>(nameof(SignalSubscriptionRow.InstanceId))} = {V<SignalSubscriptionRow>(nameof(SignalSubscriptionRow.InstanceId), id)}");
    }

    private async Task CommitWithChangeTrackerAsync(WorkflowDbContext db, InstanceCommit commit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var instance = commit.Instance.ToRow();
        if (commit.ExpectedVersion is { } expected)
        {
            // The instance row first, as every command on a case takes it: its lock orders two commands on one case,
            // so the statements below (closing what an ended case left, the upserts) never meet another command's
            // in the opposite order, which on PostgreSQL was a deadlock between two nodes. A lost race ends here.
            var id = instance.Id;
            if (await db.Instances.Where(i => i.Id == id && i.Version == expected)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version), cancellationToken) == 0)
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {id} was changed by another command");
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
        await AddOutboxMessagesAsync(db, commit.OutboxMessages, cancellationToken);

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
        catch (DbUpdateException) when (commit.OutboxMessages.Count > 0)
        {
            // Another run of the same step committed its mail after our look: a race it won, like a version conflict.
            if (await AnyOutboxKeyStoredAsync(commit.OutboxMessages))
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {instance.Id}: its mail was queued by another commit of the same step");
            throw;
        }
    }

    /// <summary>
    /// The step's mail, in the step's transaction (the outbox's own row mapping). A message whose
    /// idempotency key is stored already stays as stored: the same job ran and committed before.
    /// </summary>
    private static async Task AddOutboxMessagesAsync(WorkflowDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
            return;
        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        var taken = (await db.MailOutbox.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (taken.Add(message.IdempotencyKey))
                db.MailOutbox.Add(message.ToRow());
        }
    }

    private async Task<bool> AnyOutboxKeyStoredAsync(IReadOnlyList<OutboxMessage> messages)
    {
        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        await using var db = await factory.CreateDbContextAsync();
        return await db.MailOutbox.AnyAsync(m => keys.Contains(m.IdempotencyKey));
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
    /// Closes what the ended instance's effects left open, in one round trip: the statements of
    /// <see cref="CloseRemainingWork"/>, typed and converted by the model. Rows this commit writes itself are
    /// written after this and keep the state the commit gives them.
    /// </summary>
    private static async Task CloseRemainingWorkAsync(WorkflowDbContext db, InstanceCommit commit, CancellationToken ct)
    {
        var batch = new SqlRowBatch(db);
        CloseRemainingWork(batch, commit);
        await using var command = batch.Command(db.Database.GetDbConnection().CreateCommand());
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await command.ExecuteNonQueryAsync(ct);
    }
}

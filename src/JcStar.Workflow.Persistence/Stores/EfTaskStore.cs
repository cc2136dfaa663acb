using System.Text.Json;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfTaskStore(IDbContextFactory<WorkflowDbContext> factory, ICommitStrategy sessions) : ITaskStore
{
    // Compiled: completing a task reads it first, and LINQ's per-call translation costs more than the read.
    private static readonly CompiledQuery<string, TaskRow?> ById = new((db, id, _) => db.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == id));

    public async Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        var read = await sessions.ReadAsync<TaskRow>([], r =>
        {
            var id = r.Value(nameof(TaskRow.Id), taskId, 0);
            return ($"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Column(nameof(TaskRow.Id))} = {id.Name}", [id]);
        }, cancellationToken);
        if (read is not null)
            return read.FirstOrDefault()?.ToRecord();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await ById.RunAsync(db, taskId, cancellationToken))?.ToRecord();
    }

    /// <summary>
    /// With identity criteria, the assigned tasks and the offered tasks are read as two index-ordered
    /// ranges (tasks by Assignee/Status/DueAt; task_candidates by Kind/Name/IsOpen/DueAt), each cut at
    /// the page's end, then merged: the cost follows the page, not the size of the group's history.
    /// </summary>
    public async Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        if (query.Assignee is null && query.CandidateUser is null && query.CandidateGroups.Count == 0 && query.ExcludedInstanceIds.Count == 0
            && query.ProcessId is null && query.ProcessIds is null && query.ElementId is null && query.DueFrom is null && query.DueBefore is null
            && query.Order == TaskOrder.Due
            && await ReadFilteredOnSessionAsync(query, cancellationToken) is { } read)
            return query.Page.ToPage(read.Select(r => r.ToRecord()).ToList());
        if (IsInboxShape(query)
            && await sessions.ReadAsync<TaskRow>([], r => new InboxStatement(r, query).Ranges(query.Page.Skip + query.Page.Take + 1), cancellationToken, planOnce: true) is { } ranges)
            return Merged(query, ranges);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var nullsSortLast = db.Dialect.SortsNullsLast;
        // Up to five ranges are read below: on one connection, opened once (EF would open and close it around each,
        // and SQLite's provider registers its functions on the connection at every opening).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var filtered = Filter(db.Tasks.AsNoTracking(), query);
        // Plain locals: EF reads them as parameters; an expression such as Take + 1 it would compile on every call.
        var skip = query.Page.Skip;
        var take = query.Page.Take + 1;
        var want = skip + take;

        var groups = query.CandidateGroups.ToList();
        var user = query.CandidateUser;
        if (query.Assignee is null && user is null && groups.Count == 0)
        {
            var rows = await Ordered(filtered, nullsSortLast, query.Order).Skip(skip).Take(take).ToListAsync(cancellationToken);
            return query.Page.ToPage(rows.Select(r => r.ToRecord()).ToList());
        }

        var found = new List<TaskRow>();
        if (query.Assignee is { } assignee)
            found.AddRange(await Ordered(filtered.Where(t => t.Assignee == assignee), nullsSortLast, query.Order).Take(want).ToListAsync(cancellationToken));
        if (user is not null || groups.Count > 0)
        {
            // An index on (Kind, Name, IsOpen, DueAt) is walked in order, stopping at the page's end, for one candidate
            // at a time: with the user OR the groups in one query SQLite joined every open task of the group and sorted
            // them all (seconds per page at 100,000 open tasks; PostgreSQL's inbox took seconds too in
            // tests/bench/web.sh), and SQLite needs IsOpen compared to a value and no "DueAt IS NULL" in the order.
            // So each candidate is read as its own range(s),
            // cut at the page's end (PostgreSQL sorts undated last itself; SQLite reads dated, then undated), and
            // the ranges are merged below.
            var keys = new List<(int Kind, string Name)>();
            if (user is not null)
                keys.Add((TaskCandidateRow.UserKind, user));
            keys.AddRange(groups.Select(g => (TaskCandidateRow.GroupKind, g)));
            var offered = query.UnassignedCandidatesOnly ? filtered.Where(t => t.Assignee == null) : filtered;
            var isOpen = true;
            foreach (var (kind, name) in keys)
            {
                var candidates = db.TaskCandidates.AsNoTracking().Where(c => c.Kind == kind && c.Name == name);
                if (query.Status == HumanTaskStatus.Open)
                    candidates = candidates.Where(c => c.IsOpen == isOpen);
                var joined = candidates.Join(offered, c => c.TaskId, t => t.Id, (c, t) => new { c.DueAt, Task = t });
                if (query.Order == TaskOrder.Priority)
                {
                    // No index serves this order: the candidate's open tasks are sorted, which a manager's
                    // occasional look by priority can afford; the everyday inbox stays on the due-date ranges.
                    found.AddRange(await joined.OrderByDescending(x => x.Task.Priority).ThenBy(x => x.DueAt == null).ThenBy(x => x.DueAt)
                        .ThenBy(x => x.Task.CreatedAt).ThenBy(x => x.Task.Id).Select(x => x.Task).Take(want).ToListAsync(cancellationToken));
                    continue;
                }
                if (nullsSortLast)
                {
                    found.AddRange(await joined.OrderBy(x => x.DueAt).ThenBy(x => x.Task.CreatedAt).ThenBy(x => x.Task.Id)
                        .Select(x => x.Task).Take(want).ToListAsync(cancellationToken));
                    continue;
                }
                // Both ranges in one statement (UNION ALL of the two ordered, cut ranges): one round of EF's and SQLite's
                // per-statement work instead of two; the rows are merged and ordered below.
                var dated = joined.Where(x => x.DueAt != null).OrderBy(x => x.DueAt).ThenBy(x => x.Task.CreatedAt).ThenBy(x => x.Task.Id)
                    .Select(x => x.Task).Take(want);
                var undated = joined.Where(x => x.DueAt == null).OrderBy(x => x.Task.CreatedAt).ThenBy(x => x.Task.Id)
                    .Select(x => x.Task).Take(want);
                found.AddRange(await dated.Concat(undated).ToListAsync(cancellationToken));
            }
        }
        return Merged(query, found);
    }

    /// <summary>The page of the ranges read: each task once, in the inbox's order.</summary>
    private static Page<HumanTask> Merged(TaskQuery query, List<TaskRow> found) =>
        query.Page.ToPage(found
            .DistinctBy(t => t.Id)
            .OrderByDescending(t => query.Order == TaskOrder.Priority ? t.Priority : 0)
            .ThenBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Skip(query.Page.Skip).Take(query.Page.Take + 1)
            .Select(r => r.ToRecord()).ToList());

    /// <summary>
    /// An inbox: who it is for (assignee, candidate user or groups), by due date, with no procedure, step, due-date
    /// or case filter. Its ranges and counts are read as single statements (<see cref="InboxStatement"/>).
    /// </summary>
    private static bool IsInboxShape(TaskQuery query) =>
        (query.Assignee is not null || query.CandidateUser is not null || query.CandidateGroups.Count > 0)
        && query.Order == TaskOrder.Due && query.ProcessId is null && query.ProcessIds is null && query.ElementId is null
        && query.DueFrom is null && query.DueBefore is null && query.InstanceId is null && query.BusinessKey is null;

    /// <summary>
    /// The same matches as <see cref="QueryAsync"/>, counted up to <paramref name="atMost"/>: the assigned tasks (tasks by
    /// Assignee/Status/DueAt), then each candidate's offered tasks (task_candidates by Kind/Name/IsOpen). An inbox on a
    /// session reads each part's ids up to the limit in one statement and counts the distinct ones
    /// (<see cref="InboxStatement.CountedIds"/>); through EF, each candidate's part leaves out what an earlier candidate
    /// offered (NOT EXISTS on the candidates' key), so each task counts once without a DISTINCT over the whole union, and
    /// each part stops reading at what is still to count. Each part is ordered by due date, the order its index already
    /// has: EF warns (and logs, per request) of a Take unordered.
    /// </summary>
    public async Task<int> CountAsync(TaskQuery query, int atMost, CancellationToken cancellationToken)
    {
        if (IsInboxShape(query)
            && await sessions.ReadAsync<TaskRow>([nameof(TaskRow.Id)], r => new InboxStatement(r, query).CountedIds(atMost), cancellationToken, planOnce: true) is { } counted)
            return Math.Min(counted.DistinctBy(r => r.Id).Count(), atMost);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var filtered = Filter(db.Tasks.AsNoTracking(), query);
        var groups = query.CandidateGroups.ToList();
        var user = query.CandidateUser;
        var take = atMost;
        if (query.Assignee is null && user is null && groups.Count == 0)
            return await filtered.OrderBy(t => t.DueAt).Take(take).CountAsync(cancellationToken);
        var count = 0;
        var assignee = query.Assignee;
        if (assignee is not null)
            count += await filtered.Where(t => t.Assignee == assignee).OrderBy(t => t.DueAt).Take(take).CountAsync(cancellationToken);
        var offered = query.UnassignedCandidatesOnly ? filtered.Where(t => t.Assignee == null)
            : assignee is not null ? filtered.Where(t => t.Assignee == null || t.Assignee != assignee)
            : filtered;
        var keys = new List<(int Kind, string Name)>();
        if (user is not null)
            keys.Add((TaskCandidateRow.UserKind, user));
        keys.AddRange(groups.Select(g => (TaskCandidateRow.GroupKind, g)));
        var isOpen = true;
        for (var i = 0; i < keys.Count && count < atMost; i++)
        {
            var (kind, name) = keys[i];
            var candidates = db.TaskCandidates.AsNoTracking().Where(c => c.Kind == kind && c.Name == name);
            if (query.Status == HumanTaskStatus.Open)
                candidates = candidates.Where(c => c.IsOpen == isOpen);
            var earlierUser = i > 0 ? user : null;
            var earlierGroups = keys.Take(i).Where(k => k.Kind == TaskCandidateRow.GroupKind).Select(k => k.Name).ToList();
            if (earlierUser is not null || earlierGroups.Count > 0)
            {
                var earlier = db.TaskCandidates.AsNoTracking();
                candidates = candidates.Where(c => !earlier.Any(e => e.TaskId == c.TaskId
                    && ((earlierUser != null && e.Kind == TaskCandidateRow.UserKind && e.Name == earlierUser) || (e.Kind == TaskCandidateRow.GroupKind && earlierGroups.Contains(e.Name)))));
            }
            take = atMost - count;
            // EXISTS, not a join: with a join SQLite may walk every open unassigned task and probe for the candidate
            // (1.3 s at 100,000 open tasks for a user offered none); a correlated EXISTS keeps the candidate's range
            // the outer loop, and PostgreSQL makes it the same semi-join either way.
            count += await candidates.Where(c => offered.Any(t => t.Id == c.TaskId)).OrderBy(c => c.DueAt).Take(take).CountAsync(cancellationToken);
        }
        return count;
    }

    /// <summary>
    /// The query without identity criteria (a case's tasks, the admin view) as one statement kept prepared: the same
    /// filter and order as <see cref="Filter"/> and <see cref="Ordered"/>. Null on databases that read through EF.
    /// </summary>
    private ValueTask<List<TaskRow>?> ReadFilteredOnSessionAsync(TaskQuery query, CancellationToken ct) =>
        sessions.ReadAsync<TaskRow>([], r =>
        {
            var where = new List<string>();
            var values = new List<SqlRowBatch.BoundValue>();
            void Require(string property, object value)
            {
                var bound = r.Value(property, value, values.Count);
                values.Add(bound);
                where.Add($"{r.Column(property)} = {bound.Name}");
            }
            if (query.Status is { } status)
                Require(nameof(TaskRow.Status), (int)status);
            if (query.InstanceId is { } instanceId)
                Require(nameof(TaskRow.InstanceId), instanceId);
            if (query.BusinessKey is { } businessKey)
                Require(nameof(TaskRow.BusinessKey), businessKey);
            var due = r.Column(nameof(TaskRow.DueAt));
            // Skip and take are integers of ours, written as literals: a handful of page sizes, each kept prepared.
            var sql = $"SELECT {r.SelectList} FROM {r.Table}{(where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))} " +
                $"ORDER BY {(r.Dialect.SortsNullsLast ? "" : due + " IS NULL, ")}{due}, {r.Column(nameof(TaskRow.CreatedAt))}, {r.Column(nameof(TaskRow.Id))} " +
                $"LIMIT {query.Page.Take + 1} OFFSET {query.Page.Skip}";
            return (sql, values.ToArray());
        }, ct);

    /// <summary>
    /// The inbox's reads as single statements that a session keeps prepared (SQLite's sessions; Npgsql's automatic
    /// preparation): a visit to the inbox ran one EF translation and one preparation per range and per count (seven
    /// statements on SQLite), which was most of its database time. The ranges and counts are those of the EF queries
    /// above, part for part (each part still walks its index in order and stops at the page's end or the count's
    /// limit); the parts are joined with UNION ALL, and a count's parts are read in turn only until the limit is
    /// reached (the compound's own LIMIT).
    /// </summary>
    private sealed class InboxStatement(SqlRowReader<TaskRow> tasks, TaskQuery query)
    {
        private readonly SqlRowReader<TaskCandidateRow> candidates = tasks.Of<TaskCandidateRow>();
        private readonly List<SqlRowBatch.BoundValue> values = [];

        /// <summary>The assigned range, then each candidate's dated and undated offered ranges, each cut at <paramref name="want"/> rows.</summary>
        public (string Sql, SqlRowBatch.BoundValue[] Values) Ranges(int want)
        {
            var select = string.Join(", ", tasks.SelectList.Split(", ").Select(column => "t." + column));
            var (due, created, id) = (T(nameof(TaskRow.DueAt)), T(nameof(TaskRow.CreatedAt)), T(nameof(TaskRow.Id)));
            var parts = new List<string>();
            var nullsLast = tasks.Dialect.SortsNullsLast;
            if (query.Assignee is { } assignee)
                parts.Add($"SELECT * FROM (SELECT {select} FROM {tasks.Table} AS t WHERE {TaskConditions()} AND {T(nameof(TaskRow.Assignee))} = {Bind(tasks, nameof(TaskRow.Assignee), assignee)} " +
                    $"ORDER BY {(nullsLast ? "" : due + " IS NULL, ")}{due}, {created}, {id} LIMIT {want}) AS r{parts.Count}");
            foreach (var (kind, name) in Keys())
            {
                // PostgreSQL walks the candidate's range in due order with undated entries last; SQLite (NULL first)
                // reads the dated entries in due order, then the undated ones in creation order.
                foreach (var dated in nullsLast ? [(bool?)null] : new bool?[] { true, false })
                {
                    var offered = TaskConditions() + (query.UnassignedCandidatesOnly ? $" AND {T(nameof(TaskRow.Assignee))} IS NULL" : "");
                    var range = dated is { } d ? $" AND {C(nameof(TaskCandidateRow.DueAt))} IS {(d ? "NOT NULL" : "NULL")}" : "";
                    var order = dated is false ? $"{created}, {id}" : $"{C(nameof(TaskCandidateRow.DueAt))}, {created}, {id}";
                    parts.Add($"SELECT * FROM (SELECT {select} FROM {candidates.Table} AS c INNER JOIN {tasks.Table} AS t ON {C(nameof(TaskCandidateRow.TaskId))} = {id} " +
                        $"WHERE {CandidateConditions(kind, name)}{range} AND {offered} ORDER BY {order} LIMIT {want}) AS r{parts.Count}");
                }
            }
            return (string.Join(" UNION ALL ", parts), [.. values]);
        }

        /// <summary>
        /// The ids of the tasks <see cref="CountAsync"/> counts: the assigned part and each candidate's offered part, each cut
        /// at <paramref name="atMost"/>. A task offered to several of the candidates comes once per candidate; the caller
        /// counts distinct ids (up to <paramref name="atMost"/>, which the parts' union always reaches when the matches do). No
        /// part refers to another: PostgreSQL plans the statement once and keeps the plan (a NOT EXISTS on the earlier
        /// candidates' entries planned for unknown values became a hash join over every candidate entry, a second per page).
        /// </summary>
        public (string Sql, SqlRowBatch.BoundValue[] Values) CountedIds(int atMost)
        {
            var parts = new List<string>();
            var assignee = query.Assignee;
            if (assignee is not null)
                parts.Add($"SELECT * FROM (SELECT {T(nameof(TaskRow.Id))} FROM {tasks.Table} AS t WHERE {TaskConditions()} AND {T(nameof(TaskRow.Assignee))} = {Bind(tasks, nameof(TaskRow.Assignee), assignee)} " +
                    $"ORDER BY {T(nameof(TaskRow.DueAt))} LIMIT {atMost}) AS r{parts.Count}");
            foreach (var (kind, name) in Keys())
            {
                var offered = TaskConditions() + (query.UnassignedCandidatesOnly ? $" AND {T(nameof(TaskRow.Assignee))} IS NULL"
                    : assignee is not null ? $" AND ({T(nameof(TaskRow.Assignee))} IS NULL OR {T(nameof(TaskRow.Assignee))} <> {Bind(tasks, nameof(TaskRow.Assignee), assignee)})"
                    : "");
                parts.Add($"SELECT * FROM (SELECT {C(nameof(TaskCandidateRow.TaskId))} FROM {candidates.Table} AS c WHERE {CandidateConditions(kind, name)} " +
                    $"AND EXISTS (SELECT 1 FROM {tasks.Table} AS t WHERE {T(nameof(TaskRow.Id))} = {C(nameof(TaskCandidateRow.TaskId))} AND {offered}) ORDER BY {C(nameof(TaskCandidateRow.DueAt))} LIMIT {atMost}) AS r{parts.Count}");
            }
            return (string.Join(" UNION ALL ", parts), [.. values]);
        }

        private List<(int Kind, string Name)> Keys()
        {
            var keys = new List<(int Kind, string Name)>();
            if (query.CandidateUser is { } user)
                keys.Add((TaskCandidateRow.UserKind, user));
            keys.AddRange(query.CandidateGroups.Select(g => (TaskCandidateRow.GroupKind, g)));
            return keys;
        }

        /// <summary><see cref="Filter"/>'s conditions that an inbox can carry: the status, and the cases left out (a JSON array of their ids).</summary>
        private string TaskConditions()
        {
            var where = new List<string>();
            if (query.Status is { } status)
                where.Add($"{T(nameof(TaskRow.Status))} = {Bind(tasks, nameof(TaskRow.Status), (int)status)}");
            if (query.ExcludedInstanceIds.Count > 0)
                where.Add($"{T(nameof(TaskRow.InstanceId))} NOT IN ({tasks.Dialect.TextValuesOf(Bind(tasks, nameof(TaskRow.InstanceId), JsonSerializer.Serialize(query.ExcludedInstanceIds)))})");
            return where.Count == 0 ? "1 = 1" : string.Join(" AND ", where);
        }

        /// <summary>A candidate's entries, open ones only for open tasks (IsOpen compared to a value, so SQLite keeps the index).</summary>
        private string CandidateConditions(int kind, string name)
        {
            var where = $"{C(nameof(TaskCandidateRow.Kind))} = {Bind(candidates, nameof(TaskCandidateRow.Kind), kind)} AND {C(nameof(TaskCandidateRow.Name))} = {Bind(candidates, nameof(TaskCandidateRow.Name), name)}";
            if (query.Status == HumanTaskStatus.Open)
                where += $" AND {C(nameof(TaskCandidateRow.IsOpen))} = {Bind(candidates, nameof(TaskCandidateRow.IsOpen), true)}";
            return where;
        }

        private string Bind<TRow>(SqlRowReader<TRow> reader, string property, object? value)
            where TRow : class, new()
        {
            var bound = reader.Value(property, value, values.Count);
            values.Add(bound);
            return bound.Name;
        }

        private string T(string property) => "t." + tasks.Column(property);

        private string C(string property) => "c." + candidates.Column(property);
    }

    private static IQueryable<TaskRow> Filter(IQueryable<TaskRow> tasks, TaskQuery query)
    {
        if (query.Status is { } status)
        {
            var value = (int)status;
            tasks = tasks.Where(t => t.Status == value);
        }
        if (query.InstanceId is { } instanceId)
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        if (query.BusinessKey is { } businessKey)
            tasks = tasks.Where(t => t.BusinessKey == businessKey);
        if (query.ProcessId is { } processId)
            tasks = tasks.Where(t => t.ProcessId == processId);
        if (query.ProcessIds is { } processIds)
        {
            var ids = processIds.ToList();
            tasks = tasks.Where(t => ids.Contains(t.ProcessId));
        }
        if (query.ElementId is { } elementId)
            tasks = tasks.Where(t => t.ElementId == elementId);
        if (query.DueFrom is { } from)
            tasks = tasks.Where(t => t.DueAt >= from);
        if (query.DueBefore is { } before)
            tasks = tasks.Where(t => t.DueAt < before);
        if (query.ExcludedInstanceIds.Count > 0)
        {
            var excluded = query.ExcludedInstanceIds.ToList();
            tasks = tasks.Where(t => !excluded.Contains(t.InstanceId));
        }
        return tasks;
    }

    /// <summary>Due date first, undated last (after the highest priority, when asked). PostgreSQL sorts NULL last by itself, which keeps the index order usable; SQLite needs the extra key.</summary>
    private static IQueryable<TaskRow> Ordered(IQueryable<TaskRow> tasks, bool nullsSortLast, TaskOrder order) =>
        order == TaskOrder.Priority
            ? tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : nullsSortLast
            ? tasks.OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
}

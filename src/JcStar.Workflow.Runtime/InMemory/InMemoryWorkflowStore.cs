using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime.InMemory;

/// <summary>
/// Every store port in memory, for the CLI's simulate and fast tests. One lock makes each commit
/// atomic and the version check exact, which is all the database adapters promise too. A commit's
/// mail goes into <see cref="Outbox"/> under that lock: the in-memory outbox registered in the
/// container when there is one, otherwise one of the store's own.
/// </summary>
public sealed class InMemoryWorkflowStore(InMemoryOutbox? outbox = null) :
    IDefinitionStore, IInstanceStore, ITaskStore, ITimerStore, ISubscriptionStore, IJobStore, IIncidentStore, IAuditLog, ICasePartyStore, Statistics.IWorkflowStatistics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeployedDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HumanTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerRecord> _timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageSubscription> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignalSubscription> _signals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];
    private readonly Dictionary<string, CaseParties> _parties = new(StringComparer.Ordinal);

    /// <summary>Where commits queue their mail; give the dispatcher (or the simulation's mail list) this outbox.</summary>
    public InMemoryOutbox Outbox { get; } = outbox ?? new InMemoryOutbox();

    public WorkflowStores AsStores() => new(this, this, this, this, this, this, this, this);

    // Statistics

    public Task<IReadOnlyDictionary<string, int>> RunningByDefinitionAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyDictionary<string, int>>(() => _instances.Values.Where(i => i.Status == Engine.InstanceStatus.Waiting)
            .GroupBy(i => i.DefinitionId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public Task<Statistics.WorkloadOverview> OverviewAsync(DateTimeOffset now, DateTimeOffset recentSince, DateTimeOffset monthStart, CancellationToken cancellationToken) =>
        Read(() =>
        {
            var steps = _tasks.Values.GroupBy(t => (t.ProcessId, t.ElementId))
                .Select(g =>
                {
                    var recent = g.Where(t => t.Status == HumanTaskStatus.Completed && t.CompletedAt >= recentSince).Select(t => t.CompletedAt!.Value - t.CreatedAt).ToList();
                    var open = g.Count(t => t.Status == HumanTaskStatus.Open);
                    return new Statistics.StepLoad(g.Key.ProcessId, g.Key.ElementId, g.First().Name, open,
                        g.Count(t => t.Status == HumanTaskStatus.Open && t.DueAt < now), Statistics.Median.Of(recent), recent.Count);
                })
                .Where(s => s.Open > 0 || s.CompletedRecently > 0)
                .OrderBy(s => s.ProcessId, StringComparer.Ordinal).ThenBy(s => s.ElementId, StringComparer.Ordinal).ToList();
            return new Statistics.WorkloadOverview(steps,
                _instances.Values.Count(i => i.StartedAt >= monthStart),
                _instances.Values.Count(i => i.EndedAt >= monthStart),
                _incidents.Values.Count(i => i.Status == IncidentStatus.Open),
                Outbox.CountFailed());
        });

    // Case parties

    Task<CaseParties?> ICasePartyStore.FindAsync(string instanceId, CancellationToken cancellationToken) =>
        Read(() => _parties.GetValueOrDefault(instanceId));

    public Task SaveAsync(CaseParties parties, CancellationToken cancellationToken)
    {
        lock (_gate)
            _parties[parties.InstanceId] = parties;
        return Task.CompletedTask;
    }

    public Task AssignFacilityAsync(string instanceId, string facilityId, CancellationToken cancellationToken)
    {
        lock (_gate)
            _parties[instanceId] = _parties.TryGetValue(instanceId, out var p) ? p with { FacilityId = facilityId } : new CaseParties(instanceId, null, facilityId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> InstancesOfApplicantsAsync(IReadOnlyCollection<string> organizationIds, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<string>>(() => [.. _parties.Values
            .Where(p => p.ApplicantOrganizationId is { } org && organizationIds.Contains(org))
            .Select(p => p.InstanceId)]);

    // Definitions

    public Task<DeployedDefinition?> FindAsync(string definitionId, CancellationToken cancellationToken) =>
        Read(() => _definitions.GetValueOrDefault(definitionId));

    public Task<DeployedDefinition?> FindLatestAsync(string processId, CancellationToken cancellationToken) =>
        Read(() => _definitions.Values.Where(d => d.ProcessId == processId).MaxBy(d => d.Version));

    public Task<IReadOnlyList<DeployedDefinition>> ListLatestAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<DeployedDefinition>>(() => _definitions.Values.GroupBy(d => d.ProcessId)
            .Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.ProcessId, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<DeployedDefinition>> ListVersionsAsync(string processId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<DeployedDefinition>>(() => _definitions.Values.Where(d => d.ProcessId == processId).OrderByDescending(d => d.Version).ToList());

    public Task AddAsync(DeployedDefinition definition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_definitions.TryAdd(definition.Id, definition))
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"definition {definition.Id} exists");
        }
        return Task.CompletedTask;
    }

    // Instances

    Task<WorkflowInstance?> IInstanceStore.FindAsync(string instanceId, CancellationToken cancellationToken) =>
        Read(() => _instances.GetValueOrDefault(instanceId));

    public Task<Page<WorkflowInstance>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var page = query.Page ?? new PageRequest();
        return Read(() => page.ToPage<WorkflowInstance>(_instances.Values
            .Where(i => query.ProcessId is null || i.ProcessId == query.ProcessId)
            .Where(i => query.BusinessKey is null || i.BusinessKey == query.BusinessKey)
            .Where(i => query.Status is null || i.Status == query.Status)
            .Where(i => query.InstanceIds is null || query.InstanceIds.Contains(i.Id))
            .Where(i => query.Scope is null || query.Scope.Matches(i.ProcessId, _parties.GetValueOrDefault(i.Id)))
            .OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal)
            .Skip(page.Skip).Take(page.Take + 1).ToList()));
    }

    public Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var id = commit.Instance.Id;
            var exists = _instances.TryGetValue(id, out var current);
            if (commit.ExpectedVersion is null ? exists : !exists || current!.Version != commit.ExpectedVersion)
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {id} was changed by another command");

            // The outbox adds all of the mail or, throwing, none; nothing after it can fail, so mail and rows commit together.
            Outbox.AddIfAbsent(commit.OutboxMessages);
            if (commit.CloseRemainingWork)
                CloseRemainingWork(commit);
            _instances[id] = commit.Instance;
            foreach (var task in commit.Tasks)
                _tasks[task.Id] = task;
            foreach (var timer in commit.Timers)
                _timers[timer.Id] = timer;
            foreach (var subscription in commit.MessageSubscriptionsOpened)
                _messages[subscription.Id] = subscription;
            foreach (var subscriptionId in commit.MessageSubscriptionsClosed)
                _messages.Remove(subscriptionId);
            foreach (var subscription in commit.SignalSubscriptionsOpened)
                _signals[subscription.Id] = subscription;
            foreach (var subscriptionId in commit.SignalSubscriptionsClosed)
                _signals.Remove(subscriptionId);
            foreach (var job in commit.Jobs)
                _jobs[job.Id] = job;
            foreach (var incident in commit.Incidents)
                _incidents[incident.Id] = incident;
            foreach (var entry in commit.Audit)
                _audit.Add(entry with { Sequence = _audit.Count + 1 });
        }
        return Task.CompletedTask;
    }

    private void CloseRemainingWork(InstanceCommit commit)
    {
        var id = commit.Instance.Id;
        var now = commit.Instance.UpdatedAt;
        foreach (var task in _tasks.Values.Where(t => t.InstanceId == id && t.Status == HumanTaskStatus.Open).ToList())
            _tasks[task.Id] = task with { Status = HumanTaskStatus.Cancelled, CompletedAt = now };
        foreach (var timer in _timers.Values.Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).ToList())
            _timers[timer.Id] = timer with { Status = TimerStatus.Cancelled };
        foreach (var job in _jobs.Values.Where(j => j.InstanceId == id && j.Kind == JobKind.Activity && j.Status == JobStatus.Pending).ToList())
            _jobs[job.Id] = job with { Status = JobStatus.Cancelled, FinishedAt = now, LeaseOwner = null, LeaseUntil = null };
        foreach (var key in _messages.Values.Where(s => s.InstanceId == id).Select(s => s.Id).ToList())
            _messages.Remove(key);
        foreach (var key in _signals.Values.Where(s => s.InstanceId == id).Select(s => s.Id).ToList())
            _signals.Remove(key);
    }

    // Tasks

    Task<HumanTask?> ITaskStore.FindAsync(string taskId, CancellationToken cancellationToken) =>
        Read(() => _tasks.GetValueOrDefault(taskId));

    public Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken) =>
        Read(() => query.Page.ToPage<HumanTask>(_tasks.Values
            .Where(t => query.Status is null || t.Status == query.Status)
            .Where(t => query.InstanceId is null || t.InstanceId == query.InstanceId)
            .Where(t => query.BusinessKey is null || t.BusinessKey == query.BusinessKey)
            .Where(t => !query.ExcludedInstanceIds.Contains(t.InstanceId))
            .Where(t => query.ProcessId is null || t.ProcessId == query.ProcessId)
            .Where(t => query.ProcessIds is null || query.ProcessIds.Contains(t.ProcessId))
            .Where(t => query.ElementId is null || t.ElementId == query.ElementId)
            .Where(t => query.DueFrom is null || t.DueAt >= query.DueFrom)
            .Where(t => query.DueBefore is null || t.DueAt < query.DueBefore)
            .Where(t => Matches(query, t))
            .OrderByDescending(t => query.Order == TaskOrder.Priority ? t.Priority : 0)
            .ThenBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Skip(query.Page.Skip).Take(query.Page.Take + 1).ToList()));

    private static bool Matches(TaskQuery query, HumanTask task)
    {
        var anyIdentity = query.Assignee is not null || query.CandidateUser is not null || query.CandidateGroups.Count > 0;
        if (!anyIdentity)
            return true;
        if (query.Assignee is not null && task.Assignee == query.Assignee)
            return true;
        if (query.UnassignedCandidatesOnly && task.Assignee is not null)
            return false;
        return (query.CandidateUser is not null && task.CandidateUsers.Contains(query.CandidateUser))
            || task.CandidateGroups.Any(g => query.CandidateGroups.Contains(g));
    }

    // Timers

    Task<TimerRecord?> ITimerStore.FindAsync(string timerId, CancellationToken cancellationToken) =>
        Read(() => _timers.GetValueOrDefault(timerId));

    public Task<IReadOnlyList<TimerRecord>> FindDueAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<TimerRecord>>(() => _timers.Values.Where(t => t.Status == TimerStatus.Pending && t.DueAt <= dueBy)
            .OrderBy(t => t.DueAt).Take(max).ToList());

    Task<IReadOnlyList<TimerRecord>> ITimerStore.ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<TimerRecord>>(() => _timers.Values.Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedAt).ToList());

    public Task<IReadOnlyList<TimerRecord>> ListStartTimersAsync(string processId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<TimerRecord>>(() => _timers.Values.Where(t => t.IsStartEvent && t.ProcessId == processId)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList());

    public Task<StartTimerChange> ReplaceStartTimersAsync(string processId, string definitionId, IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var cancelled = _timers.Values
                .Where(t => t.IsStartEvent && t.ProcessId == processId && t.DefinitionId != definitionId && t.Status == TimerStatus.Pending)
                .Select(t => t with { Status = TimerStatus.Cancelled }).ToList();
            foreach (var timer in cancelled)
                _timers[timer.Id] = timer;
            var armedBefore = _timers.Values.Any(t => t.DefinitionId == definitionId);
            var armed = armedBefore ? [] : timers.ToList();
            foreach (var timer in armed)
                _timers[timer.Id] = timer;
            return Task.FromResult(new StartTimerChange(armed, cancelled));
        }
    }

    // Subscriptions

    public Task<IReadOnlyList<MessageSubscription>> FindMessageSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<MessageSubscription>>(() => _messages.Values
            .Where(s => s.MessageName == messageName && s.CorrelationKey == correlationKey).OrderBy(s => s.CreatedAt).ToList());

    public Task<IReadOnlyList<SignalSubscription>> FindSignalSubscriptionsAsync(string signalName, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<SignalSubscription>>(() => _signals.Values.Where(s => s.SignalName == signalName).OrderBy(s => s.CreatedAt).ToList());

    // Jobs

    Task<ActivityJob?> IJobStore.FindAsync(string jobId, CancellationToken cancellationToken) =>
        Read(() => _jobs.GetValueOrDefault(jobId));

    public Task<bool> TryLeaseAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job) || job.Status != JobStatus.Pending || (job.LeaseUntil is { } until && until > now))
                return Task.FromResult(false);
            _jobs[jobId] = job with { LeaseOwner = owner, LeaseUntil = leaseUntil, Attempts = job.Attempts + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewLeaseAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job) || job.Status != JobStatus.Pending || job.LeaseOwner != owner)
                return Task.FromResult(false);
            _jobs[jobId] = job with { LeaseUntil = leaseUntil };
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseForRetryAsync(string jobId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job) || job.Status != JobStatus.Pending || job.LeaseOwner != owner)
                return Task.FromResult(false);
            _jobs[jobId] = job with { LeaseOwner = null, LeaseUntil = null, NextAttemptAt = nextAttemptAt, LastError = error };
            return Task.FromResult(true);
        }
    }

    public Task FinishAsync(string jobId, JobStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out var job) && job.Status == JobStatus.Pending)
                _jobs[jobId] = job with { Status = status, FinishedAt = at, LastError = error ?? job.LastError, LeaseOwner = null, LeaseUntil = null };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ActivityJob>> FindRunnableAsync(DateTimeOffset dueBy, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<ActivityJob>>(() => _jobs.Values
            .Where(j => j.Status == JobStatus.Pending && j.NextAttemptAt <= dueBy && (j.LeaseUntil is null || j.LeaseUntil <= now))
            .OrderBy(j => j.NextAttemptAt).Take(max).ToList());

    Task<IReadOnlyList<ActivityJob>> IJobStore.ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<ActivityJob>>(() => _jobs.Values.Where(j => j.InstanceId == instanceId).OrderBy(j => j.CreatedAt).ToList());

    // Incidents

    Task<Incident?> IIncidentStore.FindAsync(string incidentId, CancellationToken cancellationToken) =>
        Read(() => _incidents.GetValueOrDefault(incidentId));

    public Task<Page<Incident>> QueryOpenAsync(string? instanceId, PageRequest page, CancellationToken cancellationToken) =>
        Read(() => page.ToPage<Incident>(_incidents.Values
            .Where(i => i.Status == IncidentStatus.Open && (instanceId is null || i.InstanceId == instanceId))
            .OrderBy(i => i.CreatedAt).Skip(page.Skip).Take(page.Take + 1).ToList()));

    // Audit

    public Task<IReadOnlyList<AuditEntry>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<AuditEntry>>(() => _audit.Where(a => a.InstanceId == instanceId).ToList());

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
            _audit.Add(entry with { Sequence = _audit.Count + 1 });
        return Task.CompletedTask;
    }

    private Task<T> Read<T>(Func<T> read)
    {
        lock (_gate)
            return Task.FromResult(read());
    }
}

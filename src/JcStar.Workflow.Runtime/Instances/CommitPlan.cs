using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>
/// Translates the engine's effects into the rows of one <see cref="InstanceCommit"/>. Rows an effect
/// changes are read from the stores once and then kept here, so a task opened and closed by the same
/// command ends up as one closed row.
/// </summary>
internal sealed class CommitPlan(WorkflowStores stores, RuntimeOptions options, string instanceId, DateTimeOffset now, string actor)
{
    private readonly Dictionary<string, HumanTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerRecord> _timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageSubscription> _messagesOpened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messagesClosed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignalSubscription> _signalsOpened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signalsClosed = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];
    private readonly List<OutboxMessage> _outbox = [];
    private readonly HashSet<string> _newRowIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _existingRowIds = new(StringComparer.Ordinal);

    public DateTimeOffset Now => now;

    public string Actor => actor;

    /// <summary>Set by a FailActivity command so the incident it raises points at the job.</summary>
    public string? FailingJobId { get; set; }

    /// <summary>Completed-task details the engine does not carry (the form as submitted).</summary>
    public string? CompletedFormJson { get; set; }

    public void Put(HumanTask task) => _tasks[task.Id] = task;

    /// <summary>A task the use case read from the store and now changes.</summary>
    public void PutExisting(HumanTask task)
    {
        _existingRowIds.Add(task.Id);
        Put(task);
    }

    public void Put(TimerRecord timer) => _timers[timer.Id] = timer;

    public void Put(ActivityJob job) => _jobs[job.Id] = job;

    public void Put(Incident incident) => _incidents[incident.Id] = incident;

    /// <summary>Mail the step asked for: queued in the outbox by the same commit, or not at all.</summary>
    public void Put(OutboxMessage message) => _outbox.Add(message);

    public void Audit(string action, string? elementId, object? data = null) =>
        _audit.Add(new AuditEntry
        {
            At = now,
            Actor = actor,
            Action = action,
            InstanceId = instanceId,
            ElementId = elementId,
            DataJson = data is null ? null : JsonSerializer.Serialize(data),
        });

    public async Task<HumanTask?> TaskAsync(string id, CancellationToken ct)
    {
        if (_tasks.TryGetValue(id, out var known))
            return known;
        var stored = await stores.Tasks.FindAsync(id, ct);
        if (stored is not null)
            _existingRowIds.Add(id);
        return stored;
    }

    public async Task<TimerRecord?> TimerAsync(string id, CancellationToken ct) =>
        _timers.TryGetValue(id, out var t) ? t : await stores.Timers.FindAsync(id, ct);

    public async Task<ActivityJob?> JobAsync(string id, CancellationToken ct) =>
        _jobs.TryGetValue(id, out var j) ? j : await stores.Jobs.FindAsync(id, ct);

    public async Task ApplyAsync(WorkflowInstance instance, IEnumerable<EngineEffect> effects, CancellationToken ct)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case UserTaskOpened e:
                    _newRowIds.Add(RuntimeIds.Scoped(instanceId, e.TaskId));
                    Put(new HumanTask
                    {
                        Id = RuntimeIds.Scoped(instanceId, e.TaskId),
                        EngineTaskId = e.TaskId,
                        InstanceId = instanceId,
                        DefinitionId = instance.DefinitionId,
                        ProcessId = instance.ProcessId,
                        BusinessKey = instance.BusinessKey,
                        ElementId = e.ElementId,
                        Name = e.Name,
                        Assignee = e.Assignee,
                        CandidateUsers = e.CandidateUsers.IsDefault ? [] : e.CandidateUsers,
                        CandidateGroups = e.CandidateGroups.IsDefault ? [] : e.CandidateGroups,
                        DueAt = e.DueDate?.ToUniversalTime(),
                        FollowUpAt = e.FollowUpDate?.ToUniversalTime(),
                        Priority = e.Priority,
                        FormKey = e.FormKey,
                        Documentation = e.Documentation,
                        Status = HumanTaskStatus.Open,
                        CreatedAt = now,
                    });
                    Audit(AuditActions.TaskOpened, e.ElementId, new { taskId = RuntimeIds.Scoped(instanceId, e.TaskId), e.Assignee, e.CandidateGroups, e.DueDate });
                    break;
                case UserTaskClosed e:
                    if (await TaskAsync(RuntimeIds.Scoped(instanceId, e.TaskId), ct) is { } closing)
                    {
                        var completed = e.Reason == UserTaskCloseReason.Completed;
                        Put(closing with
                        {
                            Status = completed ? HumanTaskStatus.Completed : HumanTaskStatus.Cancelled,
                            CompletedAt = now,
                            CompletedBy = completed ? actor : null,
                            FormDataJson = completed ? CompletedFormJson : null,
                        });
                        Audit(completed ? AuditActions.TaskCompleted : AuditActions.TaskCancelled, e.ElementId, new { taskId = closing.Id, form = completed ? CompletedFormJson : null });
                    }
                    break;
                case TimerScheduled e:
                    Put(new TimerRecord
                    {
                        Id = RuntimeIds.Scoped(instanceId, e.TimerId),
                        EngineTimerId = e.TimerId,
                        InstanceId = instanceId,
                        ElementId = e.ElementId,
                        DueAt = e.DueAt.ToUniversalTime(),
                        Status = TimerStatus.Pending,
                        CreatedAt = now,
                    });
                    break;
                case TimerCancelled e:
                    if (await TimerAsync(RuntimeIds.Scoped(instanceId, e.TimerId), ct) is { Status: TimerStatus.Pending } cancelled)
                        Put(cancelled with { Status = TimerStatus.Cancelled });
                    break;
                case MessageSubscriptionOpened e:
                {
                    var id = RuntimeIds.Scoped(instanceId, e.SubscriptionId);
                    _messagesClosed.Remove(id);
                    _messagesOpened[id] = new MessageSubscription
                    {
                        Id = id,
                        EngineSubscriptionId = e.SubscriptionId,
                        InstanceId = instanceId,
                        ElementId = e.ElementId,
                        MessageName = e.MessageName,
                        CorrelationKey = e.CorrelationKey,
                        CreatedAt = now,
                    };
                    break;
                }
                case MessageSubscriptionClosed e:
                {
                    var id = RuntimeIds.Scoped(instanceId, e.SubscriptionId);
                    if (!_messagesOpened.Remove(id))
                        _messagesClosed.Add(id);
                    break;
                }
                case SignalSubscriptionOpened e:
                {
                    var id = RuntimeIds.Scoped(instanceId, e.SubscriptionId);
                    _signalsClosed.Remove(id);
                    _signalsOpened[id] = new SignalSubscription
                    {
                        Id = id,
                        EngineSubscriptionId = e.SubscriptionId,
                        InstanceId = instanceId,
                        ElementId = e.ElementId,
                        SignalName = e.SignalName,
                        CreatedAt = now,
                    };
                    break;
                }
                case SignalSubscriptionClosed e:
                {
                    var id = RuntimeIds.Scoped(instanceId, e.SubscriptionId);
                    if (!_signalsOpened.Remove(id))
                        _signalsClosed.Add(id);
                    break;
                }
                case ActivityInvoked e:
                    // A retried incident invokes the same job id again: the row starts over.
                    Put(new ActivityJob
                    {
                        Id = RuntimeIds.Scoped(instanceId, e.JobId),
                        EngineJobId = e.JobId,
                        InstanceId = instanceId,
                        Kind = JobKind.Activity,
                        ElementId = e.ElementId,
                        ElementType = e.ElementType,
                        Name = e.ActivityName,
                        InputsJson = JsonSerializer.Serialize(e.Inputs),
                        IsAsync = e.IsAsync,
                        MaxRetries = e.Retries ?? options.DefaultRetries,
                        Status = JobStatus.Pending,
                        NextAttemptAt = now,
                        CreatedAt = now,
                    });
                    break;
                case ActivityCancelled e:
                    if (await JobAsync(RuntimeIds.Scoped(instanceId, e.JobId), ct) is { Status: JobStatus.Pending } job)
                        Put(job with { Status = JobStatus.Cancelled, FinishedAt = now, LeaseOwner = null, LeaseUntil = null });
                    break;
                case IncidentRaised e:
                    Put(new Incident
                    {
                        Id = RuntimeIds.Scoped(instanceId, e.IncidentId),
                        EngineIncidentId = e.IncidentId,
                        InstanceId = instanceId,
                        ElementId = e.ElementId,
                        JobId = FailingJobId,
                        Message = e.Message,
                        Status = IncidentStatus.Open,
                        CreatedAt = now,
                    });
                    Audit(AuditActions.IncidentRaised, e.ElementId, new { incidentId = RuntimeIds.Scoped(instanceId, e.IncidentId), e.Message });
                    break;
                case FlowNodeCompleted e:
                    Audit(AuditActions.FlowNodeCompleted, e.ElementId, new { type = e.ElementType, e.Name });
                    break;
                case InstanceEnded e:
                    Audit(AuditActions.InstanceEnded, null, new { status = e.Status.ToString(), e.Reason });
                    break;
                case MessageThrown e:
                    PutThrow(JobKind.ThrowMessage, e.ElementId, e.MessageName, e.CorrelationKey, e.Payload);
                    break;
                case SignalThrown e:
                    PutThrow(JobKind.ThrowSignal, e.ElementId, e.SignalName, null, e.Variables);
                    break;
            }
        }
    }

    public InstanceCommit Build(WorkflowInstance instance, int? expectedVersion) => new()
    {
        Instance = instance,
        ExpectedVersion = expectedVersion,
        Tasks = [.. _tasks.Values],
        Timers = [.. _timers.Values],
        MessageSubscriptionsOpened = [.. _messagesOpened.Values],
        MessageSubscriptionsClosed = [.. _messagesClosed],
        SignalSubscriptionsOpened = [.. _signalsOpened.Values],
        SignalSubscriptionsClosed = [.. _signalsClosed],
        Jobs = [.. _jobs.Values],
        Incidents = [.. _incidents.Values],
        Audit = [.. _audit],
        OutboxMessages = [.. _outbox],
        NewRowIds = _newRowIds,
        ExistingRowIds = _existingRowIds,
    };

    private void PutThrow(JobKind kind, string elementId, string name, string? correlationKey, ImmutableDictionary<string, JsonElement> payload)
    {
        // One throw per element and command; the count keeps two throws of one command apart.
        var id = RuntimeIds.Scoped(instanceId, $"{kind}-{elementId}-{now.UtcTicks}-{_jobs.Count}");
        Put(new ActivityJob
        {
            Id = id,
            InstanceId = instanceId,
            Kind = kind,
            ElementId = elementId,
            Name = name,
            CorrelationKey = correlationKey,
            InputsJson = JsonSerializer.Serialize(payload),
            IsAsync = true,
            MaxRetries = options.DefaultRetries,
            Status = JobStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}

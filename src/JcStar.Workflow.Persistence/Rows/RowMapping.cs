using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Persistence.Rows;

/// <summary>Records to rows and back. Every time is stored in UTC (PostgreSQL's timestamptz accepts nothing else).</summary>
internal static class RowMapping
{
    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    public static DefinitionRow ToRow(this DeployedDefinition d) => new()
    {
        Id = d.Id, ProcessId = d.ProcessId, Version = d.Version, Name = d.Name, ContentHash = d.ContentHash,
        Xml = d.Xml, SourceName = d.SourceName, PublishedBy = d.PublishedBy, PublishedAt = Utc(d.PublishedAt), Note = d.Note,
        CalledDefinitionIdsJson = JsonSerializer.Serialize(d.CalledDefinitionIds.IsDefault ? [] : d.CalledDefinitionIds),
    };

    public static DeployedDefinition ToRecord(this DefinitionRow r) => new()
    {
        Id = r.Id, ProcessId = r.ProcessId, Version = r.Version, Name = r.Name, ContentHash = r.ContentHash,
        Xml = r.Xml, SourceName = r.SourceName, PublishedBy = r.PublishedBy, PublishedAt = r.PublishedAt, Note = r.Note,
        CalledDefinitionIds = JsonSerializer.Deserialize<ImmutableArray<string>>(r.CalledDefinitionIdsJson),
    };

    public static InstanceRow ToRow(this WorkflowInstance i) => new()
    {
        Id = i.Id, DefinitionId = i.DefinitionId, ProcessId = i.ProcessId, DefinitionVersion = i.DefinitionVersion,
        BusinessKey = i.BusinessKey, Status = (int)i.Status, StateJson = i.StateJson, Version = i.Version,
        StartedAt = Utc(i.StartedAt), StartedBy = i.StartedBy, UpdatedAt = Utc(i.UpdatedAt), EndedAt = Utc(i.EndedAt),
    };

    public static WorkflowInstance ToRecord(this InstanceRow r) => new()
    {
        Id = r.Id, DefinitionId = r.DefinitionId, ProcessId = r.ProcessId, DefinitionVersion = r.DefinitionVersion,
        BusinessKey = r.BusinessKey, Status = (InstanceStatus)r.Status, StateJson = r.StateJson, Version = r.Version,
        StartedAt = r.StartedAt, StartedBy = r.StartedBy, UpdatedAt = r.UpdatedAt, EndedAt = r.EndedAt,
    };

    public static TaskRow ToRow(this HumanTask t) => new()
    {
        Id = t.Id, EngineTaskId = t.EngineTaskId, InstanceId = t.InstanceId, DefinitionId = t.DefinitionId,
        ProcessId = t.ProcessId, BusinessKey = t.BusinessKey, ElementId = t.ElementId, Name = t.Name, Assignee = t.Assignee,
        CandidateUsersJson = JsonSerializer.Serialize(t.CandidateUsers.IsDefault ? [] : t.CandidateUsers),
        CandidateGroupsJson = JsonSerializer.Serialize(t.CandidateGroups.IsDefault ? [] : t.CandidateGroups),
        DueAt = Utc(t.DueAt), FollowUpAt = Utc(t.FollowUpAt), Priority = t.Priority, FormKey = t.FormKey,
        Documentation = t.Documentation, Status = (int)t.Status, CreatedAt = Utc(t.CreatedAt), ClaimedAt = Utc(t.ClaimedAt),
        ClaimedBy = t.ClaimedBy, CompletedAt = Utc(t.CompletedAt), CompletedBy = t.CompletedBy, FormDataJson = t.FormDataJson,
    };

    public static IEnumerable<TaskCandidateRow> CandidateRows(this HumanTask t)
    {
        var open = t.Status == HumanTaskStatus.Open;
        foreach (var user in (t.CandidateUsers.IsDefault ? [] : t.CandidateUsers).Distinct(StringComparer.Ordinal))
            yield return new TaskCandidateRow { TaskId = t.Id, Kind = TaskCandidateRow.UserKind, Name = user, IsOpen = open, DueAt = Utc(t.DueAt) };
        foreach (var group in (t.CandidateGroups.IsDefault ? [] : t.CandidateGroups).Distinct(StringComparer.Ordinal))
            yield return new TaskCandidateRow { TaskId = t.Id, Kind = TaskCandidateRow.GroupKind, Name = group, IsOpen = open, DueAt = Utc(t.DueAt) };
    }

    public static HumanTask ToRecord(this TaskRow r) => new()
    {
        Id = r.Id, EngineTaskId = r.EngineTaskId, InstanceId = r.InstanceId, DefinitionId = r.DefinitionId,
        ProcessId = r.ProcessId, BusinessKey = r.BusinessKey, ElementId = r.ElementId, Name = r.Name, Assignee = r.Assignee,
        CandidateUsers = JsonSerializer.Deserialize<ImmutableArray<string>>(r.CandidateUsersJson),
        CandidateGroups = JsonSerializer.Deserialize<ImmutableArray<string>>(r.CandidateGroupsJson),
        DueAt = r.DueAt, FollowUpAt = r.FollowUpAt, Priority = r.Priority, FormKey = r.FormKey, Documentation = r.Documentation,
        Status = (HumanTaskStatus)r.Status, CreatedAt = r.CreatedAt, ClaimedAt = r.ClaimedAt, ClaimedBy = r.ClaimedBy,
        CompletedAt = r.CompletedAt, CompletedBy = r.CompletedBy, FormDataJson = r.FormDataJson,
    };

    public static TimerRow ToRow(this TimerRecord t) => new()
    {
        Id = t.Id, EngineTimerId = t.EngineTimerId, InstanceId = t.InstanceId, ElementId = t.ElementId,
        DueAt = Utc(t.DueAt), Status = (int)t.Status, CreatedAt = Utc(t.CreatedAt), FiredAt = Utc(t.FiredAt),
        DefinitionId = t.DefinitionId, ProcessId = t.ProcessId, Occurrence = t.Occurrence, ArmedAt = Utc(t.ArmedAt),
    };

    public static TimerRecord ToRecord(this TimerRow r) => new()
    {
        Id = r.Id, EngineTimerId = r.EngineTimerId, InstanceId = r.InstanceId, ElementId = r.ElementId,
        DueAt = r.DueAt, Status = (TimerStatus)r.Status, CreatedAt = r.CreatedAt, FiredAt = r.FiredAt,
        DefinitionId = r.DefinitionId, ProcessId = r.ProcessId, Occurrence = r.Occurrence, ArmedAt = r.ArmedAt,
    };

    public static MessageSubscriptionRow ToRow(this MessageSubscription s) => new()
    {
        Id = s.Id, EngineSubscriptionId = s.EngineSubscriptionId, InstanceId = s.InstanceId, ElementId = s.ElementId,
        MessageName = s.MessageName, CorrelationKey = s.CorrelationKey, CreatedAt = Utc(s.CreatedAt),
    };

    public static MessageSubscription ToRecord(this MessageSubscriptionRow r) => new()
    {
        Id = r.Id, EngineSubscriptionId = r.EngineSubscriptionId, InstanceId = r.InstanceId, ElementId = r.ElementId,
        MessageName = r.MessageName, CorrelationKey = r.CorrelationKey, CreatedAt = r.CreatedAt,
    };

    public static SignalSubscriptionRow ToRow(this SignalSubscription s) => new()
    {
        Id = s.Id, EngineSubscriptionId = s.EngineSubscriptionId, InstanceId = s.InstanceId, ElementId = s.ElementId,
        SignalName = s.SignalName, CreatedAt = Utc(s.CreatedAt),
    };

    public static SignalSubscription ToRecord(this SignalSubscriptionRow r) => new()
    {
        Id = r.Id, EngineSubscriptionId = r.EngineSubscriptionId, InstanceId = r.InstanceId, ElementId = r.ElementId,
        SignalName = r.SignalName, CreatedAt = r.CreatedAt,
    };

    public static JobRow ToRow(this ActivityJob j) => new()
    {
        Id = j.Id, EngineJobId = j.EngineJobId, InstanceId = j.InstanceId, Kind = (int)j.Kind, ElementId = j.ElementId,
        ElementType = j.ElementType, Name = j.Name, CorrelationKey = j.CorrelationKey, InputsJson = j.InputsJson,
        IsAsync = j.IsAsync, MaxRetries = j.MaxRetries, Attempts = j.Attempts, Status = (int)j.Status,
        NextAttemptAt = Utc(j.NextAttemptAt), LeaseOwner = j.LeaseOwner, LeaseUntil = Utc(j.LeaseUntil), LastError = j.LastError,
        CreatedAt = Utc(j.CreatedAt), FinishedAt = Utc(j.FinishedAt),
    };

    public static ActivityJob ToRecord(this JobRow r) => new()
    {
        Id = r.Id, EngineJobId = r.EngineJobId, InstanceId = r.InstanceId, Kind = (JobKind)r.Kind, ElementId = r.ElementId,
        ElementType = r.ElementType, Name = r.Name, CorrelationKey = r.CorrelationKey, InputsJson = r.InputsJson,
        IsAsync = r.IsAsync, MaxRetries = r.MaxRetries, Attempts = r.Attempts, Status = (JobStatus)r.Status,
        NextAttemptAt = r.NextAttemptAt, LeaseOwner = r.LeaseOwner, LeaseUntil = r.LeaseUntil, LastError = r.LastError,
        CreatedAt = r.CreatedAt, FinishedAt = r.FinishedAt,
    };

    public static IncidentRow ToRow(this Incident i) => new()
    {
        Id = i.Id, EngineIncidentId = i.EngineIncidentId, InstanceId = i.InstanceId, ElementId = i.ElementId, JobId = i.JobId,
        Message = i.Message, Status = (int)i.Status, CreatedAt = Utc(i.CreatedAt), ResolvedAt = Utc(i.ResolvedAt), ResolvedBy = i.ResolvedBy,
    };

    public static Incident ToRecord(this IncidentRow r) => new()
    {
        Id = r.Id, EngineIncidentId = r.EngineIncidentId, InstanceId = r.InstanceId, ElementId = r.ElementId, JobId = r.JobId,
        Message = r.Message, Status = (IncidentStatus)r.Status, CreatedAt = r.CreatedAt, ResolvedAt = r.ResolvedAt, ResolvedBy = r.ResolvedBy,
    };

    public static AuditRow ToRow(this AuditEntry a) => new()
    {
        At = Utc(a.At), Actor = a.Actor, Action = a.Action, InstanceId = a.InstanceId, ElementId = a.ElementId, DataJson = a.DataJson,
    };

    public static AuditEntry ToRecord(this AuditRow r) => new()
    {
        Sequence = r.Id, At = r.At, Actor = r.Actor, Action = r.Action, InstanceId = r.InstanceId, ElementId = r.ElementId, DataJson = r.DataJson,
    };
}

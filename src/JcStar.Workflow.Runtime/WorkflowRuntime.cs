using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// Every use case that changes instances behind one door, for callers that use many of them (the simulation,
/// tests). Each command is one transaction per instance it touches (see <see cref="InstanceCommandExecutor"/>);
/// synchronous activities the command invoked run right after, each in its own transaction. The work is done
/// by the use-case classes this delegates to, which a caller needing one area takes instead.
/// </summary>
public sealed class WorkflowRuntime(
    InstanceLifecycle lifecycle,
    TaskCommands tasks,
    EventCorrelation events,
    TimerFiring timers,
    JobRunner jobs,
    WorkflowSweep sweep,
    IncidentRetry incidents,
    AdHocActivities adHoc,
    ConditionEvaluation conditions)
{
    /// <inheritdoc cref="TaskCommands.MaxCommentLength"/>
    public const int MaxCommentLength = TaskCommands.MaxCommentLength;

    /// <inheritdoc cref="InstanceLifecycle.StartAsync(string, string?, ImmutableDictionary{string, JsonElement}?, WorkflowActor, CancellationToken)"/>
    public Task<WorkflowInstance> StartAsync(
        string processId,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        lifecycle.StartAsync(processId, businessKey, variables, actor, cancellationToken);

    /// <inheritdoc cref="InstanceLifecycle.StartAsync(string, string?, ImmutableDictionary{string, JsonElement}?, WorkflowActor, string?, CancellationToken)"/>
    public Task<WorkflowInstance> StartAsync(
        string processId,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? startMessage,
        CancellationToken cancellationToken = default) =>
        lifecycle.StartAsync(processId, businessKey, variables, actor, startMessage, cancellationToken);

    /// <inheritdoc cref="InstanceLifecycle.StartCaseAsync"/>
    public Task<WorkflowInstance> StartCaseAsync(StartCase start, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        lifecycle.StartCaseAsync(start, actor, cancellationToken);

    /// <inheritdoc cref="InstanceLifecycle.CancelAsync"/>
    public Task<WorkflowInstance> CancelAsync(string instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        lifecycle.CancelAsync(instanceId, reason, actor, cancellationToken);

    /// <inheritdoc cref="InstanceLifecycle.AssignFacilityAsync"/>
    public Task AssignFacilityAsync(string instanceId, string facilityId, CancellationToken cancellationToken = default) =>
        lifecycle.AssignFacilityAsync(instanceId, facilityId, cancellationToken);

    /// <inheritdoc cref="TaskCommands.CompleteTaskAsync"/>
    public Task<HumanTask> CompleteTaskAsync(
        string taskId,
        ImmutableDictionary<string, JsonElement>? formData,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        tasks.CompleteTaskAsync(taskId, formData, actor, cancellationToken);

    /// <inheritdoc cref="TaskCommands.ClaimTaskAsync"/>
    public Task<HumanTask> ClaimTaskAsync(string taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        tasks.ClaimTaskAsync(taskId, actor, cancellationToken);

    /// <inheritdoc cref="TaskCommands.UnclaimTaskAsync"/>
    public Task<HumanTask> UnclaimTaskAsync(string taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        tasks.UnclaimTaskAsync(taskId, actor, cancellationToken);

    /// <inheritdoc cref="TaskCommands.ReassignTaskAsync"/>
    public Task<HumanTask> ReassignTaskAsync(string taskId, string assignee, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        tasks.ReassignTaskAsync(taskId, assignee, actor, cancellationToken);

    /// <inheritdoc cref="TaskCommands.CommentAsync"/>
    public Task CommentAsync(string taskId, string text, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        tasks.CommentAsync(taskId, text, actor, cancellationToken);

    /// <inheritdoc cref="EventCorrelation.CorrelateMessageAsync"/>
    public Task<int> CorrelateMessageAsync(
        string messageName,
        string? correlationKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        events.CorrelateMessageAsync(messageName, correlationKey, variables, actor, cancellationToken);

    /// <inheritdoc cref="EventCorrelation.BroadcastSignalAsync"/>
    public Task<int> BroadcastSignalAsync(
        string signalName,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        events.BroadcastSignalAsync(signalName, variables, actor, cancellationToken);

    /// <inheritdoc cref="ConditionEvaluation.EvaluateStartConditionsAsync"/>
    public Task<IReadOnlyList<ConditionalStart>> EvaluateStartConditionsAsync(
        ImmutableDictionary<string, JsonElement> variables,
        string? processId,
        string? businessKey,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        conditions.EvaluateStartConditionsAsync(variables, processId, businessKey, actor, cancellationToken);

    /// <inheritdoc cref="EventCorrelation.RecordReceivedAsync"/>
    public Task<int> RecordReceivedAsync(string instanceId, string elementId, ImmutableDictionary<string, JsonElement>? variables, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        events.RecordReceivedAsync(instanceId, elementId, variables, actor, cancellationToken);

    /// <inheritdoc cref="TimerFiring.FireTimerAsync"/>
    public Task<bool> FireTimerAsync(string timerId, CancellationToken cancellationToken = default) =>
        timers.FireTimerAsync(timerId, cancellationToken);

    /// <inheritdoc cref="JobRunner.RunJobAsync"/>
    public Task<bool> RunJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        jobs.RunJobAsync(jobId, cancellationToken);

    /// <inheritdoc cref="WorkflowSweep.SweepAsync"/>
    public Task<SweepResult> SweepAsync(TimeSpan grace, CancellationToken cancellationToken = default) =>
        sweep.SweepAsync(grace, cancellationToken);

    /// <inheritdoc cref="IncidentRetry.RetryIncidentAsync"/>
    public Task RetryIncidentAsync(string incidentId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        incidents.RetryIncidentAsync(incidentId, actor, cancellationToken);

    /// <inheritdoc cref="AdHocActivities.AdHocChoicesAsync"/>
    public Task<IReadOnlyList<AdHocChoice>> AdHocChoicesAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        adHoc.AdHocChoicesAsync(instanceId, actor, cancellationToken);

    /// <inheritdoc cref="AdHocActivities.ActivateAdHocActivityAsync"/>
    public Task<WorkflowInstance> ActivateAdHocActivityAsync(
        string instanceId,
        string elementId,
        WorkflowActor actor,
        string? adHocId = null,
        CancellationToken cancellationToken = default) =>
        adHoc.ActivateAdHocActivityAsync(instanceId, elementId, actor, adHocId, cancellationToken);
}

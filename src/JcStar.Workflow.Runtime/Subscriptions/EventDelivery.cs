using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Runtime.Subscriptions;

/// <summary>
/// Delivers a message or a signal: to the instances subscribed to it, one transaction each, and to the
/// processes whose latest version starts at it. Shared by <see cref="EventCorrelation"/> (from outside) and
/// <see cref="Activities.JobRunner"/> (thrown by a process); each passes how a commit's synchronous activities
/// run (<c>followUp</c>), since those run through the jobs, which deliver through this.
/// </summary>
public sealed class EventDelivery(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    StartEvents startEvents,
    StartVariables startVariables,
    Access.ICasePartyStore parties)
{
    private TimeProvider Time => executor.Time;

    /// <param name="deliveryKey">The throw job's id when a process threw the message: instances it starts get ids derived from it.</param>
    internal async Task<int> CorrelateMessageAsync(
        string messageName,
        string? correlationKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? deliveryKey,
        Func<InstanceCommit, CancellationToken, Task> followUp,
        CancellationToken cancellationToken)
    {
        var subscriptions = await stores.Subscriptions.FindMessageSubscriptionsAsync(messageName, correlationKey, cancellationToken);
        var command = new CorrelateMessage(messageName, correlationKey, variables ?? ImmutableDictionary<string, JsonElement>.Empty);
        var delivered = 0;
        foreach (var instanceId in subscriptions.Select(s => s.InstanceId).Distinct(StringComparer.Ordinal))
        {
            if (await DeliverAsync(instanceId, command, actor, AuditActions.MessageCorrelated, new { messageName, correlationKey }, followUp, cancellationToken))
                delivered++;
        }
        if (delivered == 0)
            delivered += await StartByMessageAsync(messageName, correlationKey, variables, actor, deliveryKey, followUp, cancellationToken);
        return delivered;
    }

    /// <param name="deliveryKey">The throw job's id when a process threw the signal: instances it starts get ids derived from it.</param>
    internal async Task<int> BroadcastSignalAsync(
        string signalName,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? deliveryKey,
        Func<InstanceCommit, CancellationToken, Task> followUp,
        CancellationToken cancellationToken)
    {
        var subscriptions = await stores.Subscriptions.FindSignalSubscriptionsAsync(signalName, cancellationToken);
        var command = new BroadcastSignal(signalName, variables ?? ImmutableDictionary<string, JsonElement>.Empty);
        var delivered = 0;
        foreach (var instanceId in subscriptions.Select(s => s.InstanceId).Distinct(StringComparer.Ordinal))
        {
            if (await DeliverAsync(instanceId, command, actor, AuditActions.SignalReceived, new { signalName }, followUp, cancellationToken))
                delivered++;
        }
        return delivered + await StartBySignalAsync(signalName, variables, actor, deliveryKey, followUp, cancellationToken);
    }

    /// <summary>One instance's share of a correlation or broadcast; false when it no longer waits for it.</summary>
    private async Task<bool> DeliverAsync(string instanceId, EngineCommand command, WorkflowActor actor, string action, object auditData, Func<InstanceCommit, CancellationToken, Task> followUp, CancellationToken ct)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var instance = await stores.Instances.FindAsync(instanceId, ct);
            if (instance is null || instance.HasEnded)
                return null;
            try
            {
                return await executor.ExecuteAsync(instance, command, actor, (plan, _) =>
                {
                    plan.Audit(action, null, auditData);
                    return Task.CompletedTask;
                }, ct);
            }
            catch (WorkflowCommandException e) when (e.Rejection != CommandRejection.Invalid)
            {
                return null;
            }
        });
        if (commit is null)
            return false;
        await followUp(commit, ct);
        return true;
    }

    /// <summary>No waiting instance took the message: it starts the processes whose latest version has a message start event for it.</summary>
    private async Task<int> StartByMessageAsync(
        string messageName, string? correlationKey, ImmutableDictionary<string, JsonElement>? variables, WorkflowActor actor, string? deliveryKey, Func<InstanceCommit, CancellationToken, Task> followUp, CancellationToken ct)
    {
        var started = 0;
        foreach (var target in await startEvents.ForMessageAsync(messageName, ct))
        {
            if (await StartAtAsync(target, correlationKey, variables, actor, deliveryKey, (messageName, null, false),
                AuditActions.MessageCorrelated, new { messageName, correlationKey, startEvent = target.StartEventId }, followUp, ct))
                started++;
        }
        return started;
    }

    private async Task<int> StartBySignalAsync(string signalName, ImmutableDictionary<string, JsonElement>? variables, WorkflowActor actor, string? deliveryKey, Func<InstanceCommit, CancellationToken, Task> followUp, CancellationToken ct)
    {
        var started = 0;
        foreach (var target in await startEvents.ForSignalAsync(signalName, ct))
        {
            if (await StartAtAsync(target, null, variables, actor, deliveryKey, (null, signalName, false), AuditActions.SignalReceived, new { signalName, startEvent = target.StartEventId }, followUp, ct))
                started++;
        }
        return started;
    }

    /// <summary>
    /// Starts <paramref name="target"/> at its conditional start event, whose condition the caller found to hold for
    /// <paramref name="variables"/>; audited in the new instance's history with the condition that held.
    /// </summary>
    internal async Task<WorkflowInstance> StartByConditionAsync(
        ConditionalStartTarget target,
        string? businessKey,
        ImmutableDictionary<string, JsonElement> variables,
        WorkflowActor actor,
        string? applicantOrganizationId,
        Func<InstanceCommit, CancellationToken, Task> followUp,
        CancellationToken ct)
    {
        WorkflowInstance? started = null;
        await StartAtAsync(new StartTarget(target.Definition, target.StartEventId), businessKey, variables, actor, deliveryKey: null, (null, null, true),
            AuditActions.ConditionalStart, new { startEvent = target.StartEventId, condition = target.Condition.Condition.Text },
            (commit, token) =>
            {
                started = commit.Instance;
                return followUp(commit, token);
            }, ct, applicantOrganizationId);
        return started!;
    }

    /// <summary>
    /// Starts <paramref name="target"/> at its start event (<paramref name="trigger"/> says which of a multiple one's
    /// triggers arrived); the trigger is audited in the new instance's history
    /// after its start. With a <paramref name="deliveryKey"/> the instance id derives from it, and a delivery
    /// made again (the throw job re-run after a crash) finds the instance there and starts nothing: false.
    /// </summary>
    private async Task<bool> StartAtAsync(
        StartTarget target,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? deliveryKey,
        (string? Message, string? Signal, bool ByCondition) trigger,
        string action,
        object auditData,
        Func<InstanceCommit, CancellationToken, Task> followUp,
        CancellationToken ct,
        string? applicantOrganizationId = null)
    {
        var processId = target.Definition.ProcessId;
        var instanceId = deliveryKey is null ? RuntimeIds.NewInstanceId(Time) : RuntimeIds.StartedByDelivery(deliveryKey, target.Definition.Id);
        if (deliveryKey is not null && await stores.Instances.FindAsync(instanceId, ct) is not null)
            return false;
        // The case's applicant is its party before its first commit, as for a case started by hand: the applicant sees it from the start.
        if (applicantOrganizationId is not null)
            await parties.SaveAsync(new Access.CaseParties(instanceId, applicantOrganizationId), ct);
        var command = new StartInstance(
            instanceId,
            processId,
            startVariables.Complete(processId, variables ?? ImmutableDictionary<string, JsonElement>.Empty),
            businessKey,
            MessageName: trigger.Message,
            StartEventId: target.StartEventId,
            SignalName: trigger.Signal,
            ByCondition: trigger.ByCondition);
        InstanceCommit commit;
        try
        {
            commit = await InstanceCommandExecutor.Translate(() => executor.StartAsync(target.Definition, command, actor, ct, (plan, _) =>
            {
                plan.Audit(action, target.StartEventId, auditData);
                return Task.CompletedTask;
            }));
        }
        catch (WorkflowConflictException) when (deliveryKey is not null)
        {
            // Another run of the same delivery inserted it first.
            return false;
        }
        await followUp(commit, ct);
        return true;
    }
}

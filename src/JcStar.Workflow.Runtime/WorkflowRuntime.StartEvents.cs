using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime;

/// <summary>Instances that start by themselves: at a timer, message or signal start event of a process's latest version.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Starts one instance at the start event of a process-level timer, exactly once per occurrence: one
    /// transaction inserts the instance, marks the timer fired and arms the next occurrence of a cycle.
    /// The instance's id derives from the timer's, so a second node firing the same occurrence fails on
    /// the insert and then finds the timer fired. A timer whose version is no longer the latest (a
    /// newer one was deployed while its wake-up was on the way) is cancelled and starts nothing.
    /// </summary>
    private async Task<bool> FireStartTimerAsync(string timerId, CancellationToken ct)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var timer = await stores.Timers.FindAsync(timerId, ct);
            if (timer is not { Status: TimerStatus.Pending, IsStartEvent: true })
                return null;
            var latest = await stores.Definitions.FindLatestAsync(timer.ProcessId!, ct);
            if (latest is null || latest.Id != timer.DefinitionId)
            {
                if (latest is not null)
                    await startEvents.ArmAsync(latest, WorkflowActor.System, ct);
                return null;
            }
            var now = Time.GetUtcNow();
            var next = await startEvents.NextAsync(latest, timer, now, ct);
            var command = new StartInstance(
                RuntimeIds.StartedByTimer(timer.Id),
                latest.ProcessId,
                CompleteStartVariables(latest.ProcessId, ImmutableDictionary<string, JsonElement>.Empty),
                StartEventId: timer.ElementId,
                ByTimer: true);
            return await Translate(() => executor.StartAsync(latest, command, WorkflowActor.System, ct, (plan, _) =>
            {
                plan.Put(timer with { Status = TimerStatus.Fired, FiredAt = now });
                if (next is not null)
                    plan.Put(next);
                plan.Audit(AuditActions.TimerFired, timer.ElementId, new { timerId, dueAt = timer.DueAt, definitionId = latest.Id, timer.Occurrence, nextDueAt = next?.DueAt });
                return Task.CompletedTask;
            }));
        });
        if (commit is null)
            return false;
        await FollowUpAsync(commit, ct);
        return true;
    }

    /// <summary>No waiting instance took the message: it starts the processes whose latest version has a message start event for it.</summary>
    private async Task<int> StartByMessageAsync(
        string messageName, string? correlationKey, ImmutableDictionary<string, JsonElement>? variables, WorkflowActor actor, string? deliveryKey, CancellationToken ct)
    {
        var started = 0;
        foreach (var target in await startEvents.ForMessageAsync(messageName, ct))
        {
            if (await StartAtAsync(target, correlationKey, variables, actor, deliveryKey, (messageName, null),
                AuditActions.MessageCorrelated, new { messageName, correlationKey, startEvent = target.StartEventId }, ct))
                started++;
        }
        return started;
    }

    private async Task<int> StartBySignalAsync(string signalName, ImmutableDictionary<string, JsonElement>? variables, WorkflowActor actor, string? deliveryKey, CancellationToken ct)
    {
        var started = 0;
        foreach (var target in await startEvents.ForSignalAsync(signalName, ct))
        {
            if (await StartAtAsync(target, null, variables, actor, deliveryKey, (null, signalName), AuditActions.SignalReceived, new { signalName, startEvent = target.StartEventId }, ct))
                started++;
        }
        return started;
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
        (string? Message, string? Signal) trigger,
        string action,
        object auditData,
        CancellationToken ct)
    {
        var processId = target.Definition.ProcessId;
        var instanceId = deliveryKey is null ? RuntimeIds.NewInstanceId(Time) : RuntimeIds.StartedByDelivery(deliveryKey, target.Definition.Id);
        if (deliveryKey is not null && await stores.Instances.FindAsync(instanceId, ct) is not null)
            return false;
        var command = new StartInstance(
            instanceId,
            processId,
            CompleteStartVariables(processId, variables ?? ImmutableDictionary<string, JsonElement>.Empty),
            businessKey,
            MessageName: trigger.Message,
            StartEventId: target.StartEventId,
            SignalName: trigger.Signal);
        InstanceCommit commit;
        try
        {
            commit = await Translate(() => executor.StartAsync(target.Definition, command, actor, ct, (plan, _) =>
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
        await FollowUpAsync(commit, ct);
        return true;
    }
}

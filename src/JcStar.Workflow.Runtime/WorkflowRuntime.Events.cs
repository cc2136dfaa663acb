using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Delivers the message to every instance subscribed to it under that key: one transaction per
    /// instance. When no waiting instance takes it, the message starts a new instance of the latest
    /// version of every process with a message start event for <paramref name="messageName"/> (at the
    /// first such event), with <paramref name="variables"/> and <paramref name="correlationKey"/> as its
    /// business key. A message a waiting instance took starts nothing, as Camunda's correlate does: a
    /// case's follow-up (a report, a payment) goes to the case, and only a message no case waits for
    /// opens one. Returns how many instances took it, started ones included.
    /// </summary>
    /// <remarks>
    /// Two identical messages sent at once while no instance waits may both start an instance. A message
    /// thrown by a process is delivered at least once (a crash between its delivery and the end of the throw
    /// job delivers it again), but starts its instances once: their ids derive from the throw job's.
    /// </remarks>
    public Task<int> CorrelateMessageAsync(
        string messageName,
        string? correlationKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        CorrelateMessageAsync(messageName, correlationKey, variables, actor, deliveryKey: null, cancellationToken);

    /// <param name="deliveryKey">The throw job's id when a process threw the message: instances it starts get ids derived from it.</param>
    private async Task<int> CorrelateMessageAsync(
        string messageName,
        string? correlationKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? deliveryKey,
        CancellationToken cancellationToken)
    {
        var subscriptions = await stores.Subscriptions.FindMessageSubscriptionsAsync(messageName, correlationKey, cancellationToken);
        var command = new CorrelateMessage(messageName, correlationKey, variables ?? ImmutableDictionary<string, JsonElement>.Empty);
        var delivered = 0;
        foreach (var instanceId in subscriptions.Select(s => s.InstanceId).Distinct(StringComparer.Ordinal))
        {
            if (await DeliverAsync(instanceId, command, actor, AuditActions.MessageCorrelated, new { messageName, correlationKey }, cancellationToken))
                delivered++;
        }
        if (delivered == 0)
            delivered += await StartByMessageAsync(messageName, correlationKey, variables, actor, deliveryKey, cancellationToken);
        return delivered;
    }

    /// <summary>
    /// Triggers every instance subscribed to the signal, and starts one instance of the latest version of
    /// every process with a signal start event for it (at the first such event, with <paramref name="variables"/>).
    /// Returns how many instances took it, started ones included.
    /// </summary>
    public Task<int> BroadcastSignalAsync(
        string signalName,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        BroadcastSignalAsync(signalName, variables, actor, deliveryKey: null, cancellationToken);

    /// <param name="deliveryKey">The throw job's id when a process threw the signal: instances it starts get ids derived from it.</param>
    private async Task<int> BroadcastSignalAsync(
        string signalName,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? deliveryKey,
        CancellationToken cancellationToken)
    {
        var subscriptions = await stores.Subscriptions.FindSignalSubscriptionsAsync(signalName, cancellationToken);
        var command = new BroadcastSignal(signalName, variables ?? ImmutableDictionary<string, JsonElement>.Empty);
        var delivered = 0;
        foreach (var instanceId in subscriptions.Select(s => s.InstanceId).Distinct(StringComparer.Ordinal))
        {
            if (await DeliverAsync(instanceId, command, actor, AuditActions.SignalReceived, new { signalName }, cancellationToken))
                delivered++;
        }
        return delivered + await StartBySignalAsync(signalName, variables, actor, deliveryKey, cancellationToken);
    }

    /// <summary>
    /// Fires a due timer: an instance's, or a process-level timer start event's, which starts an instance
    /// (see <see cref="FireStartTimerAsync"/>). Idempotent: a timer already fired or cancelled (a second
    /// wake-up, the sweep racing the scheduler, another node) is left alone and false is returned.
    /// </summary>
    public async Task<bool> FireTimerAsync(string timerId, CancellationToken cancellationToken = default)
    {
        // A wake-up a moment early (another node's clock) waits for the due time: the engine refuses early timers.
        var found = await stores.Timers.FindAsync(timerId, cancellationToken);
        if (found is { Status: TimerStatus.Pending } early
            && early.DueAt - Time.GetUtcNow() is { Ticks: > 0 } wait)
        {
            if (wait > ClockTolerance)
                return false;
            await Task.Delay(wait, Time, cancellationToken);
        }
        if (found is { IsStartEvent: true })
            return await FireStartTimerAsync(timerId, cancellationToken);
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var timer = await stores.Timers.FindAsync(timerId, cancellationToken);
            if (timer is not { Status: TimerStatus.Pending })
                return null;
            var instance = await stores.Instances.FindAsync(timer.InstanceId!, cancellationToken);
            // Again after the instance: a commit that fired the timer since the first read (another node) is in the
            // version just read, so the stale Pending row cannot be written back over its Fired as Cancelled.
            timer = await stores.Timers.FindAsync(timerId, cancellationToken);
            if (timer is not { Status: TimerStatus.Pending })
                return null;
            var fired = timer with { Status = TimerStatus.Fired, FiredAt = Time.GetUtcNow() };
            if (instance is null || instance.HasEnded)
                return await CloseStaleAsync(instance, plan => plan.Put(timer with { Status = TimerStatus.Cancelled }), cancellationToken);
            try
            {
                return await executor.ExecuteAsync(instance, new FireTimer(timer.EngineTimerId), WorkflowActor.System, (plan, _) =>
                {
                    plan.Put(fired);
                    plan.Audit(AuditActions.TimerFired, timer.ElementId, new { timerId, dueAt = timer.DueAt });
                    return Task.CompletedTask;
                }, cancellationToken);
            }
            catch (WorkflowCommandException e) when (e.Rejection != CommandRejection.Invalid)
            {
                // The engine no longer waits on it (the activity it guarded finished): retire the row.
                return await CloseStaleAsync(instance, plan => plan.Put(timer with { Status = TimerStatus.Cancelled }), cancellationToken);
            }
        });
        if (commit is null)
            return false;
        await FollowUpAsync(commit, cancellationToken);
        return commit.Timers.Any(t => t.Id == timerId && t.Status == TimerStatus.Fired);
    }

    /// <summary>Staff fixed the cause: the engine tries the element again (a failed job starts over with fresh retries).</summary>
    public async Task RetryIncidentAsync(string incidentId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var incident = await stores.Incidents.FindAsync(incidentId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"incident {incidentId} does not exist");
            if (incident.Status != IncidentStatus.Open)
                throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"incident {incidentId} is already resolved");
            var instance = await RequireRunningAsync(incident.InstanceId, cancellationToken);
            return await Translate(() => executor.ExecuteAsync(instance, new RetryIncident(incident.EngineIncidentId), actor, (plan, _) =>
            {
                plan.Put(incident with { Status = IncidentStatus.Resolved, ResolvedAt = plan.Now, ResolvedBy = actor.Id });
                plan.Audit(AuditActions.IncidentRetried, incident.ElementId, new { incidentId });
                return Task.CompletedTask;
            }, cancellationToken));
        });
        await FollowUpAsync(commit, cancellationToken);
    }

    /// <summary>One instance's share of a correlation or broadcast; false when it no longer waits for it.</summary>
    private async Task<bool> DeliverAsync(string instanceId, EngineCommand command, WorkflowActor actor, string action, object auditData, CancellationToken ct)
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
        await FollowUpAsync(commit, ct);
        return true;
    }

    /// <summary>Retires rows that belong to nothing the engine still waits for, under the instance's version like any other change.</summary>
    private async Task<InstanceCommit?> CloseStaleAsync(WorkflowInstance? instance, Action<CommitPlan> change, CancellationToken ct)
    {
        if (instance is null)
            return null;
        return await executor.CommitWithoutEngineAsync(instance, WorkflowActor.System, (plan, _) =>
        {
            change(plan);
            return Task.CompletedTask;
        }, ct);
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Runtime.Timers;

/// <summary>Fires due timers: an instance's, or a process's timer start event, which starts an instance.</summary>
public sealed class TimerFiring(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    StartEvents startEvents,
    StartVariables startVariables,
    JobRunner jobs)
{
    private TimeProvider Time => executor.Time;

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
            if (wait > JobRunner.ClockTolerance)
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
                return await executor.CloseStaleAsync(instance, plan => plan.Put(timer with { Status = TimerStatus.Cancelled }), cancellationToken);
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
                return await executor.CloseStaleAsync(instance, plan => plan.Put(timer with { Status = TimerStatus.Cancelled }), cancellationToken);
            }
        });
        if (commit is null)
            return false;
        await jobs.FollowUpAsync(commit, cancellationToken);
        return commit.Timers.Any(t => t.Id == timerId && t.Status == TimerStatus.Fired);
    }

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
            // A start event may hold several timers, each with its own schedule: the row says which one fired.
            var startTimer = await startEvents.TimerOfAsync(latest, timer, ct);
            var next = startTimer is null ? null : StartEvents.Next(latest, startTimer, timer, now);
            var command = new StartInstance(
                RuntimeIds.StartedByTimer(timer.Id),
                latest.ProcessId,
                startVariables.Complete(latest.ProcessId, ImmutableDictionary<string, JsonElement>.Empty),
                StartEventId: timer.ElementId,
                ByTimer: true,
                TimerIndex: startTimer?.Index ?? 0);
            return await InstanceCommandExecutor.Translate(() => executor.StartAsync(latest, command, WorkflowActor.System, ct, (plan, _) =>
            {
                plan.Put(timer with { Status = TimerStatus.Fired, FiredAt = now });
                if (next is not null)
                    plan.Put(next);
                plan.Audit(AuditActions.TimerFired, timer.ElementId, new { timerId, dueAt = timer.DueAt, definitionId = latest.Id, timer.Occurrence, nextDueAt = next?.DueAt, timer = startTimer?.Value, timerIndex = startTimer?.Index });
                return Task.CompletedTask;
            }));
        });
        if (commit is null)
            return false;
        await jobs.FollowUpAsync(commit, ct);
        return true;
    }
}

using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>
/// The one path every instance change takes: state → engine → effects → one commit → wake-ups.
/// The engine is a pure function, so a command that loses the race on the instance row can simply be
/// re-read and re-executed.
/// </summary>
public sealed class InstanceCommandExecutor(
    WorkflowEngine engine,
    DefinitionCatalog catalog,
    WorkflowStores stores,
    IJobDispatcher dispatcher,
    ITimerScheduler scheduler,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    ILogger<InstanceCommandExecutor> logger)
{
    private readonly RuntimeOptions _options = options.Value;

    public RuntimeOptions Options => _options;

    public TimeProvider Time => time;

    /// <param name="prepare">Adds what started it besides the command (the start timer that fired and its next occurrence, the trigger's audit line).</param>
    internal async Task<InstanceCommit> StartAsync(
        DeployedDefinition definition,
        StartInstance command,
        WorkflowActor actor,
        CancellationToken ct,
        Func<CommitPlan, CancellationToken, Task>? prepare = null)
    {
        var definitions = await catalog.GetAsync(definition.Id, ct);
        var now = time.GetUtcNow();
        var result = engine.Execute(definitions, null, command, now);
        var instance = new WorkflowInstance
        {
            Id = command.InstanceId,
            DefinitionId = definition.Id,
            ProcessId = definition.ProcessId,
            DefinitionVersion = definition.Version,
            BusinessKey = command.BusinessKey,
            Status = result.State.Status,
            StateJson = InstanceStateSerializer.Serialize(result.State),
            Version = 1,
            StartedAt = now,
            StartedBy = actor.Id,
            UpdatedAt = now,
            EndedAt = result.State.Status == InstanceStatus.Waiting ? null : now,
        };
        var plan = new CommitPlan(stores, _options, instance.Id, now, actor.Id);
        plan.Audit(Audit.AuditActions.InstanceStarted, null, new { definitionId = definition.Id, command.BusinessKey, variables = command.Variables });
        if (prepare is not null)
            await prepare(plan, ct);
        await plan.ApplyAsync(instance, result.Effects, ct);
        var commit = plan.Build(instance, expectedVersion: null);
        await stores.Instances.CommitAsync(commit, ct);
        return commit;
    }

    /// <summary>Executes <paramref name="command"/> on the instance as loaded; <paramref name="prepare"/> adds what the command itself changes (the fired timer, the finished job).</summary>
    internal async Task<InstanceCommit> ExecuteAsync(
        WorkflowInstance instance,
        EngineCommand command,
        WorkflowActor actor,
        Func<CommitPlan, CancellationToken, Task>? prepare,
        CancellationToken ct)
    {
        var definitions = await catalog.GetAsync(instance.DefinitionId, ct);
        var now = time.GetUtcNow();
        var state = InstanceStateSerializer.Deserialize(instance.StateJson);
        var result = engine.Execute(definitions, state, command, now);
        var after = instance with
        {
            Status = result.State.Status,
            StateJson = InstanceStateSerializer.Serialize(result.State),
            Version = instance.Version + 1,
            UpdatedAt = now,
            EndedAt = result.State.Status == InstanceStatus.Waiting ? null : instance.EndedAt ?? now,
        };
        var plan = new CommitPlan(stores, _options, instance.Id, now, actor.Id);
        if (prepare is not null)
            await prepare(plan, ct);
        await plan.ApplyAsync(after, result.Effects, ct);
        var commit = plan.Build(after, instance.Version);
        await stores.Instances.CommitAsync(commit, ct);
        return commit;
    }

    /// <summary>A change the engine has no say in (claim, a stale timer): the state stays, the version still moves so it races fairly with engine commands.</summary>
    internal async Task<InstanceCommit> CommitWithoutEngineAsync(
        WorkflowInstance instance,
        WorkflowActor actor,
        Func<CommitPlan, CancellationToken, Task> change,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var plan = new CommitPlan(stores, _options, instance.Id, now, actor.Id);
        await change(plan, ct);
        var commit = plan.Build(instance with { Version = instance.Version + 1, UpdatedAt = now }, instance.Version);
        await stores.Instances.CommitAsync(commit, ct);
        return commit;
    }

    /// <summary>
    /// Wakes whoever must act on what the commit created. Failures are logged, not thrown: the rows
    /// are committed and the sweep will find them.
    /// </summary>
    /// <returns>Synchronous jobs the caller should run now, in order.</returns>
    internal async Task<IReadOnlyList<string>> AfterCommitAsync(InstanceCommit commit, CancellationToken ct)
    {
        var inline = new List<string>();
        foreach (var timer in commit.Timers.Where(t => t.Status == TimerStatus.Pending))
        {
            try
            {
                await scheduler.ScheduleAsync(timer.Id, timer.DueAt, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "timer {TimerId} committed but not scheduled; the sweep will fire it", timer.Id);
            }
        }
        foreach (var job in commit.Jobs.Where(j => j.Status == JobStatus.Pending && j.Attempts == 0))
        {
            if (job is { Kind: JobKind.Activity, IsAsync: false } && _options.RunSyncActivitiesInline)
            {
                inline.Add(job.Id);
                continue;
            }
            try
            {
                await dispatcher.DispatchAsync(job.Id, job.NextAttemptAt, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "job {JobId} committed but not dispatched; the sweep will run it", job.Id);
            }
        }
        return inline;
    }

    /// <summary>Runs <paramref name="attempt"/> again while it loses races on the instance row; the caller re-reads inside it.</summary>
    internal async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (WorkflowConflictException e) when (e.Reason == ConflictReason.ConcurrentUpdate && tries < _options.MaxConflictRetries)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>The instance, which must exist and still run: the start of every command on an instance.</summary>
    internal async Task<WorkflowInstance> RequireRunningAsync(string instanceId, CancellationToken ct)
    {
        var instance = await stores.Instances.FindAsync(instanceId, ct)
            ?? throw new WorkflowNotFoundException($"instance {instanceId} does not exist");
        if (instance.HasEnded)
            throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"instance {instanceId} has ended ({instance.Status})");
        return instance;
    }

    /// <summary>Retires rows that belong to nothing the engine still waits for, under the instance's version like any other change.</summary>
    internal async Task<InstanceCommit?> CloseStaleAsync(WorkflowInstance? instance, Action<CommitPlan> change, CancellationToken ct)
    {
        if (instance is null)
            return null;
        return await CommitWithoutEngineAsync(instance, WorkflowActor.System, (plan, _) =>
        {
            change(plan);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>The engine's refusals in the runtime's terms, so hosts map one family of exceptions.</summary>
    internal static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (WorkflowCommandException e)
        {
            throw e.Rejection switch
            {
                CommandRejection.NotFound => new WorkflowNotFoundException(e.Message),
                CommandRejection.NoLongerPending => new WorkflowConflictException(ConflictReason.NoLongerPending, e.Message),
                _ => new WorkflowInputException(e.Message, new Dictionary<string, string[]> { ["command"] = [e.Message] }),
            };
        }
    }
}

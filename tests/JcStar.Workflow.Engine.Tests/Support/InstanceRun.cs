using System.Text.Json;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>
/// Drives one instance on a fake clock and records every effect. With
/// <see cref="RestoreAfterEveryCommand"/> the state goes through JSON after each command, as a
/// host that persists between commands would do.
/// </summary>
public sealed class InstanceRun(DefinitionSet definitions, bool restoreAfterEveryCommand, EngineOptions? options = null)
{
    private readonly WorkflowEngine engine = new(options);
    private DefinitionSet definitions = definitions;
    private readonly Dictionary<string, string> openTasks = [];
    private readonly Dictionary<string, string> openJobs = [];
    private readonly Dictionary<string, (string Element, DateTimeOffset Due)> timers = [];

    public static DateTimeOffset T0 { get; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public bool RestoreAfterEveryCommand { get; } = restoreAfterEveryCommand;
    public DateTimeOffset Now { get; private set; } = T0;
    public InstanceState? State { get; private set; }
    public List<EngineEffect> Effects { get; } = [];

    /// <summary>Every effect and rejection as text, in order: what two runs are compared by.</summary>
    public List<string> Log { get; } = [];

    public IEnumerable<T> All<T>() where T : EngineEffect => Effects.OfType<T>();

    public List<string> Completed => [.. All<FlowNodeCompleted>().Select(c => c.ElementId)];

    public IReadOnlyCollection<string> OpenTasks => openTasks.Values;
    public IReadOnlyCollection<string> OpenJobs => openJobs.Values;
    public IEnumerable<string> PendingTimers => timers.Values.Select(t => t.Element);

    public InstanceStatus Status => State!.Status;

    public JsonElement Variable(string name) => State!.Elements.Single(e => e.Parent == 0).Variables![name];

    public void Advance(TimeSpan by) => Now += by;

    public EngineResult Send(EngineCommand command)
    {
        var result = engine.Execute(definitions, State, command, Now);
        State = RestoreAfterEveryCommand
            ? InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(result.State))
            : result.State;
        foreach (var effect in result.Effects)
        {
            Effects.Add(effect);
            Log.Add(effect.GetType().Name + " " + JsonSerializer.Serialize(effect, effect.GetType()));
            switch (effect)
            {
                case UserTaskOpened o: openTasks[o.TaskId] = o.ElementId; break;
                case UserTaskClosed c: openTasks.Remove(c.TaskId); break;
                case ActivityInvoked a: openJobs[a.JobId] = a.ElementId; break;
                case ActivityCancelled a: openJobs.Remove(a.JobId); break;
                case TimerScheduled t: timers[t.TimerId] = (t.ElementId, t.DueAt); break;
                case TimerCancelled t: timers.Remove(t.TimerId); break;
                case InstanceEnded: openJobs.Clear(); timers.Clear(); break;
            }
        }
        return result;
    }

    /// <summary>
    /// Moves the instance to <paramref name="target"/> with the plan (by id unless given), applies the migration's
    /// effects to what the run tracks and, like a host, goes on with the state restored from JSON.
    /// </summary>
    public MigrationResult MigrateTo(DefinitionSet target, MigrationPlan? plan = null)
    {
        plan ??= InstanceMigrator.Plan(definitions, target, State!.ProcessId);
        var result = new InstanceMigrator(options).Migrate(definitions, target, State!, plan, Now);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        definitions = target;
        State = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(result.State!));
        foreach (var moved in result.Moved)
        {
            if (openTasks.ContainsKey(moved.ElementInstanceId))
                openTasks[moved.ElementInstanceId] = moved.TargetElementId;
        }
        foreach (var effect in result.Effects)
        {
            Effects.Add(effect);
            switch (effect)
            {
                case TimerScheduled t: timers[t.TimerId] = (t.ElementId, t.DueAt); break;
                case TimerCancelled t: timers.Remove(t.TimerId); break;
            }
        }
        foreach (var kept in State.Timers)
        {
            var id = State.IdOf(kept.Id);
            if (timers.TryGetValue(id, out var t))
                timers[id] = (kept.ElementId, t.Due);
        }
        return result;
    }

    /// <summary>Sends a command that must be refused; the state stays as it was.</summary>
    public CommandRejection Rejected(EngineCommand command)
    {
        var before = InstanceStateSerializer.Serialize(State!);
        var e = Assert.Throws<WorkflowCommandException>(() => engine.Execute(definitions, State, command, Now));
        Assert.Equal(before, InstanceStateSerializer.Serialize(State!));
        Log.Add("rejected " + e.Rejection);
        return e.Rejection;
    }

    public InstanceRun Start(object? variables = null, string? message = null)
    {
        Send(new StartInstance("i1", definitions.Processes.First().Id, variables is null ? Vars.None : Vars.Of(variables), "order-1", message));
        return this;
    }

    public InstanceRun Start(string processId, object? variables = null)
    {
        Send(new StartInstance("i1", processId, variables is null ? Vars.None : Vars.Of(variables)));
        return this;
    }

    public string TaskId(string elementId) => openTasks.Single(t => t.Value == elementId).Key;

    /// <summary>The open tasks at one element, oldest first.</summary>
    public List<string> TaskIds(string elementId) => [.. openTasks.Where(t => t.Value == elementId).Select(t => t.Key)];

    /// <summary>Completes every task open at the element, one command each.</summary>
    public InstanceRun CompleteTasks(string elementId)
    {
        foreach (var id in TaskIds(elementId))
            Send(new CompleteUserTask(id, Vars.None));
        return this;
    }

    public string JobId(string elementId) => openJobs.First(t => t.Value == elementId).Key;

    public InstanceRun CompleteTask(string elementId, object? variables = null)
    {
        Send(new CompleteUserTask(TaskId(elementId), variables is null ? Vars.None : Vars.Of(variables)));
        return this;
    }

    /// <summary>Completes the oldest task open at an element that has several (a multi-instance task).</summary>
    public InstanceRun CompleteOldest(string elementId)
    {
        Send(new CompleteUserTask(TaskIds(elementId)[0], Vars.None));
        return this;
    }

    public InstanceRun CompleteJob(string elementId, object? outputs = null)
    {
        var job = JobId(elementId);
        Send(new CompleteActivity(job, outputs is null ? Vars.None : Vars.Of(outputs)));
        openJobs.Remove(job);
        return this;
    }

    public InstanceRun FailJob(string elementId, string message, string? errorCode = null)
    {
        var job = JobId(elementId);
        Send(new FailActivity(job, message, errorCode));
        openJobs.Remove(job);
        return this;
    }

    public string TimerId(string elementId) => timers.Where(t => t.Value.Element == elementId).OrderBy(t => t.Value.Due).First().Key;

    /// <summary>Moves the clock to the timer's due time (if later) and fires it.</summary>
    public InstanceRun Fire(string elementId)
    {
        var id = TimerId(elementId);
        if (timers[id].Due > Now)
            Now = timers[id].Due;
        timers.Remove(id);
        Send(new FireTimer(id));
        return this;
    }

    public InstanceRun Correlate(string message, string? key = null, object? variables = null)
    {
        Send(new CorrelateMessage(message, key, variables is null ? Vars.None : Vars.Of(variables)));
        return this;
    }

    public InstanceRun Broadcast(string signal, object? variables = null)
    {
        Send(new BroadcastSignal(signal, variables is null ? Vars.None : Vars.Of(variables)));
        return this;
    }
}

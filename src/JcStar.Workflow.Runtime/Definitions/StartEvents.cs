using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Timers;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Engine.Scripting;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// The process-level start events with a trigger: which latest versions a message or a signal starts,
/// and the timers a deployment arms for timer start events. A timer start event's value is read with no
/// variables (no instance exists yet): a literal ISO 8601 value, or an expression that needs none.
/// </summary>
public sealed class StartEvents(
    DefinitionCatalog catalog,
    WorkflowStores stores,
    WorkflowEngine engine,
    ITimerScheduler scheduler,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    ILogger<StartEvents> logger)
{
    private readonly ScriptSandbox _sandbox = new(engine.Options);

    /// <summary>Per definition id (a deployed version never changes): its message and signal start events.</summary>
    private readonly ConcurrentDictionary<string, DefinitionStarts> _starts = new(StringComparer.Ordinal);

    /// <summary>The latest version of every process with a message start event for <paramref name="messageName"/>, and that event (the first in document order).</summary>
    public Task<IReadOnlyList<StartTarget>> ForMessageAsync(string messageName, CancellationToken ct) =>
        FindAsync(s => s.Messages, messageName, ct);

    /// <summary>The latest version of every process with a signal start event for <paramref name="signalName"/>, and that event (the first in document order).</summary>
    public Task<IReadOnlyList<StartTarget>> ForSignalAsync(string signalName, CancellationToken ct) =>
        FindAsync(s => s.Signals, signalName, ct);

    /// <summary>
    /// The conditional start events (a conditional trigger among several counts too) of the latest version of
    /// every process, or of <paramref name="processId"/> only, in document order; empty when it is not deployed.
    /// </summary>
    public async Task<IReadOnlyList<ConditionalStartTarget>> ForConditionsAsync(string? processId, CancellationToken ct)
    {
        IEnumerable<string> ids = processId is null
            ? await stores.Definitions.ListLatestIdsAsync(ct)
            : await stores.Definitions.FindLatestAsync(processId, ct) is { } latest ? [latest.Id] : [];
        var targets = new List<ConditionalStartTarget>();
        foreach (var id in ids)
        {
            if (await StartsOfAsync(id, ct) is { } starts)
                targets.AddRange(starts.Conditions.Select(c => new ConditionalStartTarget(starts.Definition, c.StartEventId, c.Condition)));
        }
        return targets;
    }

    /// <summary>
    /// Whether <paramref name="target"/>'s condition holds for <paramref name="variables"/>, evaluated as the engine
    /// evaluates conditions (its sandbox and limits); a variable it reads that is not given makes it not hold.
    /// </summary>
    /// <exception cref="ScriptFailure">The condition failed (it threw, or reached a sandbox limit).</exception>
    public async Task<bool> ConditionHoldsAsync(ConditionalStartTarget target, IReadOnlyDictionary<string, JsonElement> variables, CancellationToken ct) =>
        engine.StartConditionHolds(await catalog.GetAsync(target.Definition.Id, ct), target.Condition, variables);

    /// <summary>
    /// The process's timer start events' timers with their parsed values: one per timer definition, so a
    /// start event with several timers has one schedule per timer. A value that does not read, or that can
    /// never fire, is added to <paramref name="problems"/> under the start event's id.
    /// </summary>
    public IReadOnlyList<StartTimer> ReadTimers(DefinitionSet definitions, string processId, IDictionary<string, string[]> problems)
    {
        var index = definitions.Index(processId);
        if (index is null)
            return [];
        var timers = new List<StartTimer>();
        foreach (var start in index.StartEvents)
        {
            var own = start.EventDefinitions.OfType<TimerEventDefinition>().ToList();
            for (var i = 0; i < own.Count; i++)
            {
                var name = own.Count == 1 ? $"timer start event '{start.Id}'" : $"timer start event '{start.Id}', timer {i + 1} of {own.Count}";
                if (TryRead(definitions, own[i], out var timer, out var text, out var error))
                    timers.Add(new StartTimer(start.Id, i, timer!, $"{KindName(own[i].Kind)} {text}"));
                else
                    problems[start.Id] = [.. problems.TryGetValue(start.Id, out var earlier) ? earlier : [], $"{name}: {error}"];
            }
        }
        return timers;
    }

    /// <summary>
    /// Makes <paramref name="latest"/> the version whose timer start events run: the process's other
    /// versions' pending start timers are cancelled and this version's are armed, unless they were armed
    /// before (an unchanged redeployment changes nothing). Audited as <paramref name="actor"/>.
    /// </summary>
    /// <param name="compiled">The version's definition set when the caller has it (a deployment just compiled it).</param>
    public async Task<StartTimerChange> ArmAsync(DeployedDefinition latest, WorkflowActor actor, CancellationToken ct, DefinitionSet? compiled = null)
    {
        if (!options.Value.ArmStartTimers)
            return new StartTimerChange([], []);
        var definitions = compiled ?? await catalog.GetAsync(latest.Id, ct);
        // Whole milliseconds: every store keeps them, and the schedule is recomputed from this origin at each firing.
        var now = time.GetUtcNow();
        var armedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var problems = new Dictionary<string, string[]>();
        var timers = ReadTimers(definitions, latest.ProcessId, problems);
        var rows = timers.Select(t => Occurrence(latest, t, armedAt, 0, now)).OfType<TimerRecord>().ToList();
        foreach (var (_, messages) in problems)
            logger.LogError("definition {DefinitionId}: {Problem}; the start event is not armed", latest.Id, string.Join("; ", messages));
        var change = await stores.Timers.ReplaceStartTimersAsync(latest.ProcessId, latest.Id, rows, ct);
        foreach (var cancelled in change.Cancelled)
            await AuditAsync(AuditActions.StartTimerCancelled, actor, cancelled, new { replacedBy = latest.Id }, ct);
        foreach (var armed in change.Armed)
            await AuditAsync(AuditActions.StartTimerArmed, actor, armed, timers.FirstOrDefault(t => t.Names(armed)) is { } timer ? new { timer = timer.Value, timerIndex = timer.Index } : null, ct);
        await ScheduleAsync(change.Armed, ct);
        return change;
    }

    /// <summary>Which timer of its start event <paramref name="fired"/> (a row of <paramref name="definition"/>) is; null when it no longer reads.</summary>
    public async Task<StartTimer?> TimerOfAsync(DeployedDefinition definition, TimerRecord fired, CancellationToken ct)
    {
        var definitions = await catalog.GetAsync(definition.Id, ct);
        var problems = new Dictionary<string, string[]>();
        var timer = ReadTimers(definitions, definition.ProcessId, problems).FirstOrDefault(t => t.Names(fired));
        if (timer is null)
            logger.LogError("start timer {TimerId} no longer reads from {DefinitionId}; it is not armed again", fired.Id, definition.Id);
        return timer;
    }

    /// <summary>The occurrence of <paramref name="timer"/> after <paramref name="fired"/>, or null when its schedule has no more (a date, a duration, the last repetition of a cycle).</summary>
    public static TimerRecord? Next(DeployedDefinition definition, StartTimer timer, TimerRecord fired, DateTimeOffset now) =>
        Occurrence(definition, timer, fired.ArmedAt ?? fired.CreatedAt, fired.Occurrence + 1, now);

    /// <summary>Wakes the runtime for each timer; a lost wake-up is caught by the sweep.</summary>
    public async Task ScheduleAsync(IEnumerable<TimerRecord> timers, CancellationToken ct)
    {
        foreach (var timer in timers.Where(t => t.Status == TimerStatus.Pending))
        {
            try
            {
                await scheduler.ScheduleAsync(timer.Id, timer.DueAt, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "start timer {TimerId} armed but not scheduled; the sweep will fire it", timer.Id);
            }
        }
    }

    private static TimerRecord? Occurrence(DeployedDefinition definition, StartTimer timer, DateTimeOffset armedAt, int occurrence, DateTimeOffset now) =>
        timer.Timer.NextDue(armedAt, occurrence) is { } due
            ? new TimerRecord
            {
                Id = RuntimeIds.StartTimer(definition.Id, timer.ElementId, occurrence, timer.Index),
                EngineTimerId = timer.Index == 0 ? $"start-{occurrence}" : $"start-{occurrence}-{timer.Index}",
                ElementId = timer.ElementId,
                DueAt = due.ToUniversalTime(),
                Status = TimerStatus.Pending,
                CreatedAt = now,
                DefinitionId = definition.Id,
                ProcessId = definition.ProcessId,
                Occurrence = occurrence,
                ArmedAt = armedAt,
            }
            : null;

    private bool TryRead(DefinitionSet definitions, TimerEventDefinition definition, out IsoTimer? timer, out string? text, out string? error)
    {
        timer = null;
        text = null;
        try
        {
            text = JsonValues.AsText(_sandbox.Evaluate(definitions.Compile(definition.Value, ExpressionRole.Value), NoVariables.Instance));
        }
        catch (ScriptFailure e)
        {
            error = $"'{definition.Value.Text}' cannot be read at process level, where there are no variables: {e.Message}";
            return false;
        }
        if (text is null)
        {
            error = $"'{definition.Value.Text}' gives no value";
            return false;
        }
        if (!IsoTimer.TryParse(definition.Kind, text, out timer, out var parseError))
        {
            error = $"'{text}' is not a valid ISO 8601 {KindName(definition.Kind)}: {parseError}";
            return false;
        }
        // A cycle's repetitions may all lie in the past by now; a value that can never fire at all is a mistake in the model.
        if (timer!.Kind == TimerKind.Cycle && timer.Repetitions == 0)
        {
            error = $"'{text}' repeats zero times: the process would never start";
            return false;
        }
        error = null;
        return true;
    }

    private static string KindName(TimerKind kind) => kind switch
    {
        TimerKind.Date => "timeDate",
        TimerKind.Duration => "timeDuration",
        _ => "timeCycle",
    };

    private Task AuditAsync(string action, WorkflowActor actor, TimerRecord timer, object? extra, CancellationToken ct) =>
        stores.Audit.AppendAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Id,
            Action = action,
            ElementId = timer.ElementId,
            DataJson = JsonSerializer.Serialize(new { timerId = timer.Id, timer.DefinitionId, timer.ProcessId, dueAt = timer.DueAt, timer.Occurrence, extra }),
        }, ct);

    private async Task<IReadOnlyList<StartTarget>> FindAsync(Func<DefinitionStarts, ImmutableDictionary<string, string>> pick, string name, CancellationToken ct)
    {
        var targets = new List<StartTarget>();
        foreach (var id in await stores.Definitions.ListLatestIdsAsync(ct))
        {
            if (await StartsOfAsync(id, ct) is { } starts && pick(starts).TryGetValue(name, out var elementId))
                targets.Add(new StartTarget(starts.Definition, elementId));
        }
        return targets;
    }

    private async Task<DefinitionStarts?> StartsOfAsync(string definitionId, CancellationToken ct)
    {
        if (_starts.TryGetValue(definitionId, out var known))
            return known;
        var definition = await stores.Definitions.FindAsync(definitionId, ct);
        if (definition is null)
            return null;
        ProcessIndex? index;
        try
        {
            index = (await catalog.GetAsync(definitionId, ct)).Index(definition.ProcessId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "definition {DefinitionId} does not compile; its start events are ignored", definitionId);
            return null;
        }
        var messages = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var signals = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var conditions = ImmutableArray.CreateBuilder<(string, ConditionalEventDefinition)>();
        foreach (var start in index?.StartEvents ?? [])
        {
            // A multiple start event starts on any of its triggers; a parallel multiple one on the first, then waits for the rest.
            foreach (var trigger in start.EventDefinitions)
            {
                switch (trigger)
                {
                    case MessageEventDefinition m:
                        messages.TryAdd(index!.MessageName(m.MessageName, m.MessageRef), start.Id);
                        break;
                    case SignalEventDefinition s:
                        signals.TryAdd(index!.SignalName(s), start.Id);
                        break;
                }
            }
            // One instance per start event whose condition holds: a start event's first condition is its condition.
            if (start.EventDefinitions.OfType<ConditionalEventDefinition>().FirstOrDefault() is { } condition)
                conditions.Add((start.Id, condition));
        }
        return _starts.GetOrAdd(definitionId, new DefinitionStarts(definition, messages.ToImmutable(), signals.ToImmutable(), conditions.ToImmutable()));
    }

    private sealed record DefinitionStarts(
        DeployedDefinition Definition,
        ImmutableDictionary<string, string> Messages,
        ImmutableDictionary<string, string> Signals,
        ImmutableArray<(string StartEventId, ConditionalEventDefinition Condition)> Conditions);

    private sealed class NoVariables : IVariableSource
    {
        public static readonly NoVariables Instance = new();

        public bool TryGet(string name, out JsonElement value)
        {
            value = default;
            return false;
        }
    }
}

/// <summary>
/// One timer of a process-level timer start event: <see cref="Index"/> counts from 0 in document order among the
/// event's timer definitions; <see cref="Value"/> is the timer as read ("timeCycle R/PT1H"), for the audit.
/// </summary>
public sealed record StartTimer(string ElementId, int Index, IsoTimer Timer, string Value)
{
    /// <summary>Whether <paramref name="row"/> is an occurrence of this timer (of the version the row was armed for).</summary>
    public bool Names(TimerRecord row) =>
        row.ElementId == ElementId && row.DefinitionId is { } definitionId && row.Id == RuntimeIds.StartTimer(definitionId, ElementId, row.Occurrence, Index);
}

/// <summary>The version to start and the start event to start it at.</summary>
public sealed record StartTarget(DeployedDefinition Definition, string StartEventId);

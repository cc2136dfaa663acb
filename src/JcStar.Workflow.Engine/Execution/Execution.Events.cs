using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Timers;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>Events: timers, message and signal subscriptions, boundary events, event sub-processes, errors and escalations.</summary>
internal sealed partial class Execution
{
    public void OpenBoundaryEvents(int hostId, FlowNode host)
    {
        foreach (var boundary in ProcessOf(hostId).BoundariesOf(host.Id))
            OpenTriggers(hostId, boundary);
    }

    public void OpenEventSubProcessStarts(int scopeId, string containerId)
    {
        foreach (var esp in ProcessOf(scopeId).EventSubProcessesOf(containerId))
        {
            var start = esp.Scope.Nodes.OfType<StartEvent>().First();
            OpenTriggers(scopeId, start);
        }
    }

    /// <summary>
    /// Opens a wait for each of the event's definitions: a multiple event is triggered by whichever occurs first
    /// (the waits share their owner, so completing or cancelling it closes the others).
    /// </summary>
    public void OpenTriggers(int owner, Event catcher)
    {
        foreach (var definition in catcher.EventDefinitions)
            OpenTrigger(owner, catcher.Id, definition);
    }

    /// <summary>Opens what waits for a timer, message or signal definition; error and escalation catches are looked up when thrown.</summary>
    public void OpenTrigger(int owner, string elementId, EventDefinition? definition)
    {
        var index = ProcessOf(owner);
        switch (definition)
        {
            case TimerEventDefinition timer:
                ScheduleTimer(owner, elementId, timer);
                break;
            case MessageEventDefinition message:
                OpenMessage(owner, elementId, index.MessageName(message.MessageName, message.MessageRef),
                    message.CorrelationKey ?? index.MessageCorrelationKey(message.MessageRef));
                break;
            case ConditionalEventDefinition:
                OpenCondition(owner, elementId);
                break;
            case SignalEventDefinition signal:
                var id = NextId();
                var name = index.SignalName(signal);
                subscriptions.Add(new SubscriptionState { Id = id, Owner = owner, ElementId = elementId, Kind = SubscriptionKind.Signal, Name = name });
                Effects.Add(new SignalSubscriptionOpened(IdOf(id), elementId, name));
                break;
        }
    }

    public void OpenMessage(int owner, string elementId, string name, Bpmn.Model.Expression? correlationKey)
    {
        var key = correlationKey is null ? null : EvaluateText(owner, correlationKey);
        var id = NextId();
        subscriptions.Add(new SubscriptionState { Id = id, Owner = owner, ElementId = elementId, Kind = SubscriptionKind.Message, Name = name, CorrelationKey = key });
        Effects.Add(new MessageSubscriptionOpened(IdOf(id), elementId, name, key));
    }

    private void ScheduleTimer(int owner, string elementId, TimerEventDefinition definition)
    {
        var text = EvaluateText(owner, definition.Value) ?? throw new ScriptFailure($"timer '{definition.Value.Text}' gave no value");
        if (!IsoTimer.TryParse(definition.Kind, text, out var timer, out var error))
            throw new ScriptFailure($"timer '{text}' is not a valid ISO 8601 {definition.Kind.ToString().ToLowerInvariant()}: {error}");
        if (timer!.Period is { } period && period < options.MinimumTimerCycle)
            throw new ScriptFailure($"timer cycle '{text}' repeats every {period}, more often than the minimum timer cycle of {options.MinimumTimerCycle} (Engine:MinimumTimerCycle)");
        var due = WholeMillisecond(timer!.NextDue(Now, 0) ?? throw new ScriptFailure($"timer '{text}' never fires"));
        var id = NextId();
        timers.Add(new TimerState { Id = id, Owner = owner, ElementId = elementId, Kind = definition.Kind, Value = text, ArmedAt = Now, DueAt = due });
        Effects.Add(new TimerScheduled(IdOf(id), elementId, due));
    }

    /// <summary>
    /// Due times are kept to the whole millisecond, rounded up, as every store can keep them (SQLite to the
    /// millisecond, PostgreSQL to the microsecond): a wake-up at the stored time is then never early for the engine,
    /// which refuses a timer fired before its due time.
    /// </summary>
    private static DateTimeOffset WholeMillisecond(DateTimeOffset due) =>
        due.Ticks % TimeSpan.TicksPerMillisecond is var rest and > 0 ? due.AddTicks(TimeSpan.TicksPerMillisecond - rest) : due;

    /// <summary>A non-interrupting boundary or event sub-process start stays armed after it fires.</summary>
    private bool IsRepeatable(int owner, string elementId) => ProcessOf(owner).Node(elementId) switch
    {
        BoundaryEvent b => !b.CancelActivity,
        StartEvent s => !s.IsInterrupting,
        _ => false,
    };

    private void FireTimer(TimerState timer)
    {
        timers.Remove(timer);
        if (timer.Kind == TimerKind.Cycle && IsRepeatable(timer.Owner, timer.ElementId) && !IsParallelMultiple(timer.Owner, timer.ElementId)
            && IsoTimer.TryParse(TimerKind.Cycle, timer.Value, out var cycle, out _)
            && cycle!.NextDue(timer.ArmedAt, timer.Fired + 1) is { } nextDue)
        {
            var next = WholeMillisecond(nextDue);
            var id = NextId();
            timers.Add(timer with { Id = id, Fired = timer.Fired + 1, DueAt = next });
            Effects.Add(new TimerScheduled(IdOf(id), timer.ElementId, next));
        }
        Trigger(timer.Owner, timer.ElementId, null);
    }

    private void Deliver(SubscriptionState subscription, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        if (!IsRepeatable(subscription.Owner, subscription.ElementId) || IsParallelMultiple(subscription.Owner, subscription.ElementId))
        {
            subscriptions.Remove(subscription);
            CloseSubscriptionEffect(subscription);
        }
        Trigger(subscription.Owner, subscription.ElementId, payload);
    }

    /// <summary>A timer, message or signal arrived for <paramref name="elementId"/>, which <paramref name="owner"/> waits on.</summary>
    private void Trigger(int owner, string elementId, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        var ownerInstance = Find(owner);
        if (ownerInstance is null)
            return;
        var index = ProcessOf(owner);
        var node = index.Node(elementId);
        if (node is Event { ParallelMultiple: true } parallel && parallel.EventDefinitions.Length > 1 && !AllTriggersArrived(owner, parallel, payload))
            return;
        switch (node)
        {
            case BoundaryEvent boundary:
                TriggerBoundary(owner, boundary, payload);
                break;
            case StartEvent when ownerInstance.ElementId == elementId:
                // A process-level parallel multiple start event: its last trigger arrived.
                Complete(owner, payload);
                break;
            case StartEvent start:
                TriggerEventSubProcess(owner, (SubProcess)index.Node(index.ContainerOf(start.Id)), start, payload);
                break;
            default:
                if (ownerInstance.Wait == ElementWait.EventGateway)
                {
                    var gateway = NodeOf(ownerInstance)!;
                    Effects.Add(new FlowNodeCompleted(gateway.Id, gateway.ElementType, gateway.Name, IdOf(owner)));
                    Remove(owner);
                    Complete(NewInstance(ownerInstance.Parent, node), payload);
                }
                else
                    Complete(owner, payload);
                break;
        }
    }

    private void TriggerBoundary(int hostId, BoundaryEvent boundary, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        var host = Get(hostId);
        if (boundary.CancelActivity)
            Cancel(hostId);
        Complete(NewInstance(host.Parent, boundary), payload);
    }

    private void TriggerEventSubProcess(int scopeId, SubProcess eventSubProcess, StartEvent start, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        if (start.IsInterrupting)
        {
            CancelChildren(scopeId);
            var index = ProcessOf(scopeId);
            foreach (var t in timers.Where(t => t.Owner == scopeId && index.Node(t.ElementId) is StartEvent).ToList())
            {
                timers.Remove(t);
                Effects.Add(new TimerCancelled(IdOf(t.Id), t.ElementId));
            }
            foreach (var s in subscriptions.Where(s => s.Owner == scopeId && index.Node(s.ElementId) is StartEvent).ToList())
            {
                subscriptions.Remove(s);
                CloseSubscriptionEffect(s);
            }
        }
        var id = NewInstance(scopeId, eventSubProcess, ElementWait.Scope);
        EnterScope(id, eventSubProcess, start, payload);
    }

    // ---- errors and escalations ----

    private sealed record Catch(int Owner, FlowNode Catcher, SubProcess? EventSubProcess);

    /// <summary>
    /// The nearest catch, innermost first: boundary events of the element itself, then at each
    /// enclosing scope its event sub-processes and then the boundary events of the scope's activity
    /// (a call activity counts as the scope around the process it called).
    /// </summary>
    private Catch? FindCatch(int from, bool includeStartScope, Func<ProcessIndex, EventDefinition?, bool> matches)
    {
        var first = true;
        for (var current = Find(from); current is not null; current = Find(current.Parent))
        {
            var index = ProcessOf(current.Id);
            if (current.Wait is ElementWait.Scope or ElementWait.AdHoc && (!first || includeStartScope))
            {
                foreach (var esp in index.EventSubProcessesOf(current.ProcessId ?? current.ElementId))
                {
                    var start = esp.Scope.Nodes.OfType<StartEvent>().First();
                    if (matches(index, start.Definition))
                        return new Catch(current.Id, start, esp);
                }
            }
            if (current.ProcessId is null && current.Iteration == 0)
            {
                foreach (var boundary in index.BoundariesOf(current.ElementId))
                {
                    if (matches(index, boundary.Definition))
                        return new Catch(current.Id, boundary, null);
                }
            }
            first = false;
        }
        return null;
    }

    private void Take(Catch found)
    {
        if (found.EventSubProcess is { } esp)
            TriggerEventSubProcess(found.Owner, esp, (StartEvent)found.Catcher, null);
        else
            TriggerBoundary(found.Owner, (BoundaryEvent)found.Catcher, null);
    }

    /// <summary>Throws a BPMN error; uncaught, it fails the instance with an incident.</summary>
    public void ThrowError(int from, bool includeStartScope, string code, string elementId, string? message = null)
    {
        var found = FindCatch(from, includeStartScope, (index, d) => d is ErrorEventDefinition e && (index.ErrorCode(e) is not { } c || c == code));
        if (found is null)
            FailInstance(elementId, $"BPMN error '{code}' was not caught" + (message is null ? "" : $": {message}"));
        else
            Take(found);
    }

    /// <summary>Throws an escalation; uncaught, nothing happens.</summary>
    public void ThrowEscalation(int from, string code)
    {
        var found = FindCatch(from, includeStartScope: true, (index, d) => d is EscalationEventDefinition e && (index.EscalationCode(e) is not { } c || c == code));
        if (found is not null)
            Take(found);
    }

    /// <summary>A signal thrown inside the instance: its own subscriptions fire, and the host is told so it can broadcast.</summary>
    public void ThrowSignal(int from, string elementId, string name)
    {
        var payload = VisibleVariables(from);
        Effects.Add(new SignalThrown(elementId, name, payload));
        DeliverSignal(name, payload);
    }

    private int DeliverSignal(string name, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        var matching = subscriptions.Where(s => s.Kind == SubscriptionKind.Signal && s.Name == name).ToList();
        foreach (var s in matching)
        {
            if (subscriptions.Contains(s))
                Deliver(s, payload);
        }
        return matching.Count;
    }

    public void ThrowMessage(int from, FlowNode node, string? name, string? messageRef, Bpmn.Model.Expression? key)
    {
        var index = ProcessOf(from);
        var instance = Get(from);
        var payload = instance.Variables is { } locals && !node.Inputs.IsEmpty ? locals : VisibleVariables(from);
        var correlation = (key ?? index.MessageCorrelationKey(messageRef)) is { } k ? EvaluateText(from, k) : null;
        Effects.Add(new MessageThrown(node.Id, index.MessageName(name, messageRef), correlation, payload));
    }

    public void JumpToLink(int from, LinkEventDefinition link)
    {
        var thrower = Get(from);
        var index = ProcessOf(from);
        var node = NodeOf(thrower)!;
        var target = index.LinkTarget(index.ContainerOf(node.Id), link.Name)
            ?? throw new ScriptFailure($"no catch link named '{link.Name}' in the same scope");
        Effects.Add(new FlowNodeCompleted(node.Id, node.ElementType, node.Name, IdOf(from)));
        Remove(from);
        work.Enqueue(new Step(StepKind.Enter, thrower.Parent, target));
    }

    internal static ImmutableDictionary<string, JsonElement> Empty => ImmutableDictionary<string, JsonElement>.Empty;
}

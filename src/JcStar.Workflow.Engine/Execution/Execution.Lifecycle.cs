using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>The shared lifecycle of every flow node: enter, execute, complete, leave, cancel; scopes (joins and loops have their own files).</summary>
internal sealed partial class Execution
{
    /// <summary>Runs queued token moves until none is left; inclusive joins are decided only when nothing is in transit.</summary>
    public void Drain()
    {
        while (true)
        {
            while (!Ended && work.TryDequeue(out var step))
            {
                if (++steps > options.MaxStepsPerCommand)
                {
                    work.Clear();
                    FailInstance(processId, $"more than {options.MaxStepsPerCommand} steps without reaching a wait state (a loop without a task?)");
                    return;
                }
                Run(step);
            }
            if (Ended || !(TryInclusiveJoins() || TryComplexJoins() || TryConditions()))
                return;
        }
    }

    private enum StepKind
    {
        Enter,
        CheckScopeCompleted,
        Complete,
        ExecuteIteration,
        StartIteration,
        CheckAdHocCompleted,
    }

    /// <summary>One queued token move (a struct rather than a closure: a command queues several).</summary>
    private readonly record struct Step(StepKind Kind, int Id, FlowNode? Node = null, string? Flow = null, int Iteration = 0);

    private void Run(Step step)
    {
        switch (step.Kind)
        {
            case StepKind.Enter:
                Enter(step.Id, step.Node!, step.Flow);
                break;
            case StepKind.CheckScopeCompleted:
                CheckScopeCompleted(step.Id);
                break;
            case StepKind.Complete:
                Complete(step.Id);
                break;
            case StepKind.CheckAdHocCompleted:
                CheckAdHocCompleted(step.Id);
                break;
            case StepKind.ExecuteIteration:
                if (Find(step.Id) is not null)
                    Execute(step.Id, step.Node!, first: true);
                break;
            case StepKind.StartIteration:
                if (Find(step.Id) is not null)
                    StartIteration(step.Id, (Activity)step.Node!, step.Iteration);
                break;
        }
    }

    /// <summary>A token arrives at <paramref name="node"/> in scope <paramref name="scopeId"/> through <paramref name="viaFlow"/>.</summary>
    public void Enter(int scopeId, FlowNode node, string? viaFlow)
    {
        if (Find(scopeId) is null)
            return;
        if (node is ParallelGateway or InclusiveGateway or ComplexGateway && node.Incoming.Length > 1 && viaFlow is not null)
        {
            if (node is ComplexGateway complex)
            {
                ArriveAtComplexJoin(scopeId, complex, viaFlow);
                return;
            }
            joins.Add(new JoinArrival { Scope = scopeId, GatewayId = node.Id, FlowId = viaFlow });
            if (node is ParallelGateway)
                TryParallelJoin(scopeId, node);
            return;
        }
        if (node is Activity { StartQuantity: > 1 } activity)
        {
            // The spec's startQuantity: tokens wait at the activity, as at a join, until there are enough.
            joins.Add(new JoinArrival { Scope = scopeId, GatewayId = node.Id, FlowId = viaFlow ?? "" });
            var waiting = joins.Count(j => j.Scope == scopeId && j.GatewayId == node.Id);
            if (waiting < activity.StartQuantity)
                return;
            for (var n = 0; n < activity.StartQuantity; n++)
                joins.RemoveAt(joins.FindIndex(j => j.Scope == scopeId && j.GatewayId == node.Id));
        }
        Activate(scopeId, node);
    }

    public void Activate(int scopeId, FlowNode node)
    {
        var id = NewInstance(scopeId, node);
        if (node is Activity { Loop: not null } looped)
            StartLoop(id, looped, first: true);
        else
            Execute(id, node, first: true);
    }

    /// <summary>Runs the element's behaviour; <paramref name="first"/> is false when an incident is retried.</summary>
    public void Execute(int id, FlowNode node, bool first)
    {
        try
        {
            var instance = Get(id);
            if (first && node is Activity && instance.Iteration == 0)
                OpenBoundaryEvents(id, node);
            if (!node.Inputs.IsEmpty)
            {
                foreach (var input in node.Inputs)
                {
                    var value = input.Value is null
                        ? (TryGetVariable(instance.Parent, input.Name, out var v) ? v : JsonValues.Null)
                        : Evaluate(instance.Parent, input.Value, ExpressionRole.Value);
                    SetLocal(id, input.Name, value);
                }
            }
            Behaviors.For(node).Execute(this, id, node);
        }
        catch (ScriptFailure failure)
        {
            if (Find(id) is not null)
                RaiseIncident(id, node.Id, failure.Message);
        }
    }

    /// <summary>
    /// The element is done: outputs are mapped, the outgoing flows chosen (a failure there is an
    /// incident and the token stays), FlowNodeCompleted is emitted and the token moves on.
    /// </summary>
    public void Complete(int id, IReadOnlyDictionary<string, JsonElement>? payload = null, IReadOnlyList<SequenceFlow>? flows = null)
    {
        var instance = Get(id);
        var node = NodeOf(instance)!;
        var parent = Find(instance.Parent);
        var isIteration = instance.Iteration > 0 && parent is { Wait: ElementWait.LoopBody };
        IterationOutcome? iteration = null;
        try
        {
            ApplyOutputs(instance, node, payload);
            if (isIteration)
                iteration = EndIteration(instance, (Activity)node);
            else
                flows ??= Behaviors.For(node).Outgoing(this, id, node);
        }
        catch (ScriptFailure failure)
        {
            RaiseIncident(id, node.Id, failure.Message);
            return;
        }
        Effects.Add(new FlowNodeCompleted(node.Id, node.ElementType, node.Name, IdOf(id)));
        if (node is Activity)
            RememberForCompensation(instance, node, isIteration ? parent!.Parent : instance.Parent);
        Remove(id);
        if (iteration is { } outcome)
            IterationDone(instance.Parent, instance.Iteration, outcome);
        else
            Leave(instance.Parent, node, flows!);
        if (parent is { Wait: ElementWait.AdHoc })
            work.Enqueue(new Step(StepKind.CheckAdHocCompleted, parent.Id));
    }

    private void Leave(int scopeId, FlowNode from, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            work.Enqueue(new Step(StepKind.CheckScopeCompleted, scopeId));
            return;
        }
        var index = ProcessOf(scopeId);
        var tokens = from is Activity activity ? activity.CompletionQuantity : 1;
        foreach (var flow in flows)
        {
            var target = index.Node(flow.TargetRef);
            for (var n = 0; n < tokens; n++)
                work.Enqueue(new Step(StepKind.Enter, scopeId, target, flow.Id));
        }
    }

    /// <summary>Activities and events: every unconditional flow and every conditional one that holds; the default flow when none does.</summary>
    public IReadOnlyList<SequenceFlow> ConditionalOutgoing(int id, FlowNode node, string? defaultFlow)
    {
        if (node.Outgoing.IsEmpty)
            return [];
        var index = ProcessOf(id);
        var taken = new List<SequenceFlow>(node.Outgoing.Length);
        foreach (var flowId in node.Outgoing)
        {
            if (flowId == defaultFlow)
                continue;
            var flow = index.Flow(flowId);
            if (flow.Condition is null || IsTrue(id, flow.Condition))
                taken.Add(flow);
        }
        if (taken.Count == 0 && defaultFlow is not null)
            taken.Add(index.Flow(defaultFlow));
        return taken;
    }

    private void ApplyOutputs(ElementInstance instance, FlowNode node, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        if (!node.Outputs.IsEmpty)
        {
            var values = new List<(string, JsonElement)>(node.Outputs.Length);
            foreach (var output in node.Outputs)
            {
                var value = output.Value is null
                    ? (payload is not null && payload.TryGetValue(output.Name, out var p) ? p
                        : TryGetVariable(instance.Id, output.Name, out var v) ? v : JsonValues.Null)
                    : Evaluate(instance.Id, output.Value, ExpressionRole.Value, payload);
                values.Add((output.Name, value));
            }
            foreach (var (name, value) in values)
                SetVariable(instance.Parent, name, value);
            return;
        }
        if (payload is null || payload.Count == 0)
            return;
        var resultVariable = node switch
        {
            ServiceTask s => s.ResultVariable,
            BusinessRuleTask b => b.ResultVariable,
            CallActivity { GlobalTask: BusinessRuleTask b } => b.ResultVariable,
            _ => null,
        };
        if (resultVariable is not null)
            SetVariable(instance.Parent, resultVariable, JsonSerializer.SerializeToElement(payload));
        else
        {
            foreach (var (name, value) in payload)
                SetVariable(instance.Parent, name, value);
        }
    }

    /// <summary>Removes an element instance and closes the timers and subscriptions it owns.</summary>
    private void Remove(int id)
    {
        for (var i = 0; i < timers.Count; i++)
        {
            if (timers[i].Owner == id)
            {
                Effects.Add(new TimerCancelled(IdOf(timers[i].Id), timers[i].ElementId));
                timers.RemoveAt(i--);
            }
        }
        for (var i = 0; i < subscriptions.Count; i++)
        {
            if (subscriptions[i].Owner == id)
            {
                CloseSubscriptionEffect(subscriptions[i]);
                subscriptions.RemoveAt(i--);
            }
        }
        var at = IndexOf(id);
        if (at >= 0)
            elements.RemoveAt(at);
        if (compensations.Count > 0)
            ForgetCompensation(id);
    }

    /// <summary>Removes an instance that has already reported its own completion.</summary>
    public void Discard(int id) => Remove(id);

    private void CloseSubscriptionEffect(SubscriptionState s)
    {
        switch (s.Kind)
        {
            case SubscriptionKind.Message:
                Effects.Add(new MessageSubscriptionClosed(IdOf(s.Id), s.ElementId));
                break;
            case SubscriptionKind.Signal:
                Effects.Add(new SignalSubscriptionClosed(IdOf(s.Id), s.ElementId));
                break;
        }
    }

    /// <summary>Cancels an element instance and everything inside it, telling the host about every wait it held.</summary>
    public void Cancel(int id)
    {
        var children = Children(id);
        for (var i = children.Count - 1; i >= 0; i--)
            Cancel(children[i].Id);
        var instance = Find(id);
        if (instance is null)
            return;
        switch (instance.Wait)
        {
            case ElementWait.UserTask:
                Effects.Add(new UserTaskClosed(IdOf(id), instance.ElementId, UserTaskCloseReason.Cancelled));
                break;
            case ElementWait.Job:
                Effects.Add(new ActivityCancelled(IdOf(id), instance.ElementId));
                break;
        }
        incidents.RemoveAll(x => x.ElementInstance == id);
        joins.RemoveAll(j => j.Scope == id);
        Remove(id);
    }

    private void CancelChildren(int scopeId)
    {
        var children = Children(scopeId);
        for (var i = children.Count - 1; i >= 0; i--)
            Cancel(children[i].Id);
        joins.RemoveAll(j => j.Scope == scopeId);
    }

    public void RaiseIncident(int id, string elementId, string message)
    {
        var incidentId = NextId();
        SetWait(id, ElementWait.Incident);
        incidents.Add(new IncidentState { Id = incidentId, ElementInstance = id, ElementId = elementId, Message = message });
        Effects.Add(new IncidentRaised(IdOf(incidentId), elementId, message));
    }

    // ---- scopes ----

    /// <summary>Starts a sub-process or event sub-process instance at its start event.</summary>
    public void EnterScope(int id, SubProcess subProcess, StartEvent? start = null, IReadOnlyDictionary<string, JsonElement>? payload = null)
    {
        SetWait(id, ElementWait.Scope);
        OpenEventSubProcessStarts(id, subProcess.Id);
        start ??= subProcess.Scope.Nodes.OfType<StartEvent>().First(s => s.Definition is null);
        Complete(NewInstance(id, start), payload);
    }

    private void CheckScopeCompleted(int scopeId)
    {
        var scope = Find(scopeId);
        if (IsCompensationContainer(scope) && !HasChildren(scopeId))
        {
            ContinueCompensation(scopeId);
            return;
        }
        if (scope is not { Wait: ElementWait.Scope } || HasChildren(scopeId) || joins.Exists(j => j.Scope == scopeId))
            return;
        CompleteScope(scope);
    }

    private void CompleteScope(ElementInstance scope)
    {
        if (scope.Parent == 0)
            EndInstance(InstanceStatus.Completed, null);
        else if (EndCompensatedScope(scope))
            return;
        else if (scope.ProcessId is not null)
            ReturnFromCall(scope);
        else
            Complete(scope.Id);
    }

    /// <summary>A terminate end event: ends every token of its scope; the process instance itself ends as Terminated.</summary>
    public void Terminate(int endEventId)
    {
        var end = Get(endEventId);
        Effects.Add(new FlowNodeCompleted(end.ElementId, "endEvent", NodeOf(end)!.Name, IdOf(endEventId)));
        Remove(endEventId);
        var scope = Get(end.Parent);
        CancelChildren(scope.Id);
        if (scope.Parent == 0)
            EndInstance(InstanceStatus.Terminated, $"terminated at {end.ElementId}");
        else
            CompleteScope(scope);
    }

    public void FailInstance(string elementId, string message)
    {
        var incidentId = NextId();
        Effects.Add(new IncidentRaised(IdOf(incidentId), elementId, message));
        var root = elements.Find(e => e.Parent == 0);
        if (root is not null)
            CancelChildren(root.Id);
        incidents.Add(new IncidentState { Id = incidentId, ElementInstance = 0, ElementId = elementId, Message = message });
        EndInstance(InstanceStatus.Failed, message);
    }

    /// <summary>Closes every remaining wait; the process instance stays in the state with its final variables.</summary>
    private void EndInstance(InstanceStatus ended, string? reason)
    {
        var root = elements.Find(e => e.Parent == 0);
        if (root is not null)
        {
            CancelChildren(root.Id);
            Remove(root.Id);
        }
        status = ended;
        elements.Clear();
        if (root is not null)
            elements.Add(root with { Wait = ElementWait.Scope });
        timers.Clear();
        subscriptions.Clear();
        joins.Clear();
        compensations.Clear();
        Effects.Add(new InstanceEnded(ended, reason));
    }
}

using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Compensation (BPMN 2.0.2 §10.6.4 and §13.5.6): completed activities are remembered with their scope; a throw
/// compensates them in reverse order of completion, one after the other, each by its handler (the isForCompensation
/// activity of its compensation boundary event) or, for a sub-process without one, from the inside: by its
/// compensation event sub-process, else by compensating what completed inside it.
/// </summary>
internal sealed partial class Execution
{
    /// <summary>Remembers a completing activity instance when something could compensate it.</summary>
    private bool RememberForCompensation(ElementInstance instance, FlowNode node, int scope)
    {
        if (node is not Activity || !ProcessOf(instance.Id).IsCompensable(node.Id))
            return false;
        var index = ProcessOf(instance.Id);
        if (node is SubProcess && index.CompensationHandler(node.Id) is null && index.CompensationEventSubProcess(node.Id) is null
            && !compensations.Exists(c => c.Scope == instance.Id))
            return false;
        compensations.Add(new CompensationRecord
        {
            Instance = instance.Id,
            Scope = scope,
            ElementId = node.Id,
            Variables = node is SubProcess ? instance.Variables : null,
        });
        return true;
    }

    /// <summary>An instance is gone: what completed inside it can no longer be compensated, unless it is itself remembered.</summary>
    private void ForgetCompensation(int instanceId)
    {
        if (compensations.Exists(c => c.Instance == instanceId))
            return;
        DropRecordsIn(instanceId);
    }

    private void DropRecordsIn(int scopeId)
    {
        for (var i = compensations.Count - 1; i >= 0; i--)
        {
            if (i < compensations.Count && compensations[i].Scope == scopeId)
            {
                var inner = compensations[i].Instance;
                compensations.RemoveAt(i);
                DropRecordsIn(inner);
            }
        }
    }

    /// <summary>The completed instances a throw in <paramref name="scope"/> compensates, latest first.</summary>
    private ImmutableArray<int> CompensationTargets(int scope, string? activityRef)
    {
        var targets = ImmutableArray.CreateBuilder<int>();
        for (var i = compensations.Count - 1; i >= 0; i--)
        {
            var record = compensations[i];
            if (record.Scope == scope && (activityRef is null || record.ElementId == activityRef))
                targets.Add(record.Instance);
        }
        return targets.ToImmutable();
    }

    /// <summary>A compensation throw event (intermediate or end) at instance <paramref name="id"/>.</summary>
    public void ThrowCompensation(int id, CompensateEventDefinition definition)
    {
        var thrower = Get(id);
        // A throw inside an event sub-process compensates the activities of the scope the event sub-process belongs to.
        var scope = thrower.Parent;
        if (Find(scope) is { } parent && NodeOf(parent) is SubProcess { TriggeredByEvent: true })
            scope = parent.Parent;
        var targets = CompensationTargets(scope, definition.ActivityRef);
        if (definition.WaitForCompletion)
        {
            Replace(thrower with { Wait = ElementWait.Compensation, Compensating = targets });
            ContinueCompensation(id);
            return;
        }
        if (targets.Length > 0)
        {
            var run = NewInstance(thrower.Parent, NodeOf(thrower)!, ElementWait.CompensationRun);
            Replace(Get(run) with { Compensating = targets });
            ContinueCompensation(run);
        }
        if (Find(id) is not null)
            Complete(id);
    }

    /// <summary>Starts compensating the next remembered instance; finishes the compensation when none is left.</summary>
    private void ContinueCompensation(int containerId)
    {
        while (Find(containerId) is { } container)
        {
            var pending = container.Compensating ?? [];
            if (pending.IsEmpty)
            {
                FinishCompensation(container);
                return;
            }
            Replace(container with { Compensating = pending.RemoveAt(0) });
            var record = compensations.Find(r => r.Instance == pending[0]);
            if (record is not null && StartCompensating(containerId, record))
                return;
        }
    }

    /// <summary>Starts what compensates <paramref name="record"/>; false when nothing is there to wait for.</summary>
    private bool StartCompensating(int containerId, CompensationRecord record)
    {
        compensations.Remove(record);
        var index = ProcessOf(containerId);
        if (index.CompensationHandler(record.ElementId) is { } handler)
        {
            DropRecordsIn(record.Instance);
            Activate(containerId, handler);
            return true;
        }
        if (index.Node(record.ElementId) is not SubProcess sub)
            return false;
        // The sub-process comes back as a scope of its own, with its variables, so that its inside can be compensated.
        var scopeId = NewInstance(containerId, sub, ElementWait.Scope);
        Replace(Get(scopeId) with { Variables = record.Variables });
        for (var i = 0; i < compensations.Count; i++)
        {
            if (compensations[i].Scope == record.Instance)
                compensations[i] = compensations[i] with { Scope = scopeId };
        }
        if (index.CompensationEventSubProcess(sub.Id) is { } esp)
        {
            var espId = NewInstance(scopeId, esp, ElementWait.Scope);
            EnterScope(espId, esp, esp.Scope.Nodes.OfType<StartEvent>().First());
        }
        else
        {
            var run = NewInstance(scopeId, sub, ElementWait.CompensationRun);
            Replace(Get(run) with { Compensating = CompensationTargets(scopeId, null) });
            ContinueCompensation(run);
        }
        return true;
    }

    private void FinishCompensation(ElementInstance container)
    {
        if (container.Wait == ElementWait.CompensationRun)
        {
            Remove(container.Id);
            work.Enqueue(new Step(StepKind.CheckScopeCompleted, container.Parent));
            return;
        }
        Replace(container with { Wait = ElementWait.Active, Compensating = null });
        if (NodeOf(container) is EndEvent { Definition: CancelEventDefinition })
            LeaveCancelledTransaction(container.Id);
        else
            Complete(container.Id);
    }

    /// <summary>Whether the instance runs a compensation: its children are the handlers and compensated scopes.</summary>
    private bool IsCompensationContainer(ElementInstance? instance) =>
        instance is { Wait: ElementWait.Compensation or ElementWait.CompensationRun };

    /// <summary>A sub-process brought back to be compensated has finished: it goes without taking its flows.</summary>
    private bool EndCompensatedScope(ElementInstance scope)
    {
        if (!IsCompensationContainer(Find(scope.Parent)) || NodeOf(scope) is not SubProcess { IsForCompensation: false })
            return false;
        Remove(scope.Id);
        work.Enqueue(new Step(StepKind.CheckScopeCompleted, scope.Parent));
        return true;
    }
}

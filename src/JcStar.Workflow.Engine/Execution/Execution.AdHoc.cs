using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Ad-hoc sub-processes (BPMN 2.0.2 §10.3.5): entered, they wait for someone to choose inner activities
/// (<see cref="ActivateAdHocActivity"/>); sequence flows inside are followed as usual. Each time an inner element
/// completes, the completion condition is checked: when it holds, the remaining inner activities are cancelled
/// (cancelRemainingInstances, the default) or allowed to finish, and the sub-process completes. Without a
/// condition it completes when its last running inner element has completed, as Camunda 8 does.
/// </summary>
internal sealed partial class Execution
{
    public void EnterAdHoc(int id, SubProcess adHoc)
    {
        SetWait(id, ElementWait.AdHoc);
        OpenEventSubProcessStarts(id, adHoc.Id);
    }

    /// <summary>Activities directly inside that no sequence flow leads to, other than compensation handlers and event sub-processes.</summary>
    internal static bool IsChoosable(ProcessIndex index, SubProcess adHoc, FlowNode node) =>
        node is Activity { IsForCompensation: false } && node is not SubProcess { TriggeredByEvent: true }
        && node.Incoming.IsEmpty && index.ContainerOf(node.Id) == adHoc.Id;

    private void ActivateAdHoc(ActivateAdHocActivity command)
    {
        var open = new List<ElementInstance>();
        if (command.AdHocId is { } external)
            open.Add(Get(Pending(external, ElementWait.AdHoc, "ad-hoc sub-process")));
        else
        {
            foreach (var e in elements)
            {
                if (e.Wait == ElementWait.AdHoc && ProcessOf(e.Id) is var index && index.Nodes.ContainsKey(command.ElementId)
                    && index.ContainerOf(command.ElementId) == e.ElementId)
                    open.Add(e);
            }
        }
        if (open.Count == 0)
            throw new WorkflowCommandException(CommandRejection.NoLongerPending, $"no open ad-hoc sub-process offers '{command.ElementId}'");
        if (open.Count > 1)
            throw new WorkflowCommandException(CommandRejection.Invalid,
                $"{open.Count} open ad-hoc sub-processes offer '{command.ElementId}' ({string.Join(", ", open.Select(e => IdOf(e.Id)))}): say which");
        var adHocInstance = open[0];
        var processIndex = ProcessOf(adHocInstance.Id);
        var adHoc = (SubProcess)processIndex.Node(adHocInstance.ElementId);
        if (!processIndex.Nodes.TryGetValue(command.ElementId, out var node) || processIndex.ContainerOf(node.Id) != adHoc.Id)
            throw new WorkflowCommandException(CommandRejection.Invalid, $"'{command.ElementId}' is not inside ad-hoc sub-process '{adHoc.Id}'");
        if (!IsChoosable(processIndex, adHoc, node))
            throw new WorkflowCommandException(CommandRejection.Invalid,
                $"'{node.Id}' cannot be chosen in ad-hoc sub-process '{adHoc.Id}': only activities that no sequence flow leads to (not compensation handlers or event sub-processes) can");
        if (adHoc.AdHoc!.Ordering == AdHocOrdering.Sequential && Children(adHocInstance.Id) is [var running, ..])
            throw new WorkflowCommandException(CommandRejection.Invalid,
                $"ad-hoc sub-process '{adHoc.Id}' runs one activity at a time (ordering Sequential) and '{running.ElementId}' is still running");
        Activate(adHocInstance.Id, node);
    }

    /// <summary>An inner element of an open ad-hoc sub-process completed: does the sub-process complete now?</summary>
    private void CheckAdHocCompleted(int id)
    {
        if (Find(id) is not { Wait: ElementWait.AdHoc } scope)
            return;
        var adHoc = (SubProcess)NodeOf(scope)!;
        var definition = adHoc.AdHoc!;
        bool done;
        try
        {
            done = definition.CompletionCondition is { } condition ? IsTrue(id, condition) : !HasChildren(id);
        }
        catch (ScriptFailure failure)
        {
            RaiseIncident(id, adHoc.Id, failure.Message);
            return;
        }
        if (!done)
            return;
        // From now on nothing new may be chosen; the sub-process completes as a plain scope once its children are done.
        SetWait(id, ElementWait.Scope);
        if (definition.CancelRemainingInstances)
            CancelChildren(id);
        work.Enqueue(new Step(StepKind.CheckScopeCompleted, id));
    }
}

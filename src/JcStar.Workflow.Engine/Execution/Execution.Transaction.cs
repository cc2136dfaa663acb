using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Transactions (BPMN 2.0.2 §10.3.4 and §13.3.4): a cancel end event ends every other token of the transaction,
/// compensates what completed inside it in reverse order, and then leaves by the transaction's cancel boundary
/// event. An error inside a transaction caught on its boundary interrupts it without compensation, as for any sub-process.
/// </summary>
internal sealed partial class Execution
{
    public void CancelTransaction(int endId)
    {
        var end = Get(endId);
        foreach (var child in Children(end.Parent))
        {
            if (child.Id != endId)
                Cancel(child.Id);
        }
        joins.RemoveAll(j => j.Scope == end.Parent);
        Replace(end with { Wait = ElementWait.Compensation, Compensating = CompensationTargets(end.Parent, null) });
        ContinueCompensation(endId);
    }

    private void LeaveCancelledTransaction(int endId)
    {
        var end = Get(endId);
        var node = NodeOf(end)!;
        var transaction = Get(end.Parent);
        Effects.Add(new FlowNodeCompleted(node.Id, node.ElementType, node.Name, IdOf(endId)));
        Remove(endId);
        var boundary = ProcessOf(transaction.Id).BoundariesOf(transaction.ElementId).First(b => b.Definition is CancelEventDefinition);
        TriggerBoundary(transaction.Id, boundary, null);
    }
}

using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class EndEventBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var end = (EndEvent)node;
        if (end.EventDefinitions.Length > 1)
        {
            MultipleThrow.ThrowAll(run, id, end);
            return;
        }
        var parent = run.Get(id).Parent;
        var index = run.ProcessOf(id);
        switch (end.Definition)
        {
            case TerminateEventDefinition:
                run.Terminate(id);
                return;
            case CompensateEventDefinition compensate:
                run.ThrowCompensation(id, compensate);
                return;
            case CancelEventDefinition:
                run.CancelTransaction(id);
                return;
            case ErrorEventDefinition error:
                // The error end event is done the moment it throws; the catch decides what follows.
                run.Effects.Add(new FlowNodeCompleted(node.Id, node.ElementType, node.Name, run.IdOf(id)));
                run.Discard(id);
                run.ThrowError(parent, includeStartScope: true, index.ErrorCode(error) ?? "", node.Id);
                return;
            case EscalationEventDefinition escalation:
                run.ThrowEscalation(id, index.EscalationCode(escalation) ?? "");
                break;
            case MessageEventDefinition message:
                run.ThrowMessage(id, node, message.MessageName, message.MessageRef, message.CorrelationKey);
                break;
            case SignalEventDefinition signal:
                run.ThrowSignal(id, node.Id, index.SignalName(signal));
                break;
        }
        if (run.Find(id) is not null)
            run.Complete(id);
    }
}

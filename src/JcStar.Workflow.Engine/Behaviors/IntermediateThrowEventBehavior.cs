using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class IntermediateThrowEventBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var thrower = (IntermediateThrowEvent)node;
        if (thrower.EventDefinitions.Length > 1)
        {
            MultipleThrow.ThrowAll(run, id, thrower);
            return;
        }
        var index = run.ProcessOf(id);
        switch (thrower.Definition)
        {
            case LinkEventDefinition link:
                run.JumpToLink(id, link);
                return;
            case CompensateEventDefinition compensate:
                run.ThrowCompensation(id, compensate);
                return;
            case MessageEventDefinition when thrower.ActivityName is { } activity:
                run.InvokeActivity(id, node, activity);
                return;
            case MessageEventDefinition message:
                run.ThrowMessage(id, node, message.MessageName, message.MessageRef, message.CorrelationKey);
                break;
            case SignalEventDefinition signal:
                run.ThrowSignal(id, node.Id, index.SignalName(signal));
                break;
            case EscalationEventDefinition escalation:
                run.ThrowEscalation(id, index.EscalationCode(escalation) ?? "");
                break;
        }
        if (run.Find(id) is not null)
            run.Complete(id);
    }
}

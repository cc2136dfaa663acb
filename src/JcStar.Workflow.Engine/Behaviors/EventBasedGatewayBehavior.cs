using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>Subscribes to every event after it; the first to arrive wins and the others are closed.</summary>
internal sealed class EventBasedGatewayBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var index = run.ProcessOf(id);
        run.SetWait(id, ElementWait.EventGateway);
        foreach (var flowId in node.Outgoing)
        {
            switch (index.Node(index.Flow(flowId).TargetRef))
            {
                case IntermediateCatchEvent catchEvent:
                    run.OpenTriggers(id, catchEvent);
                    break;
                case ReceiveTask receive:
                    run.OpenMessage(id, receive.Id, index.MessageName(receive.MessageName, receive.MessageRef),
                        receive.CorrelationKey ?? index.MessageCorrelationKey(receive.MessageRef));
                    break;
            }
        }
    }
}

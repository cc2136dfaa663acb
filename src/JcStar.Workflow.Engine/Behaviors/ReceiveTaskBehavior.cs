using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class ReceiveTaskBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var receive = (ReceiveTask)node;
        var index = run.ProcessOf(id);
        run.SetWait(id, ElementWait.Event);
        run.OpenMessage(id, node.Id, index.MessageName(receive.MessageName, receive.MessageRef),
            receive.CorrelationKey ?? index.MessageCorrelationKey(receive.MessageRef));
    }
}

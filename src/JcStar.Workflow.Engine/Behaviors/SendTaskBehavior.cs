using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>Sends through its registered activity when it has one; otherwise tells the host a message was thrown and moves on.</summary>
internal sealed class SendTaskBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var send = (SendTask)node;
        if (send.ActivityName is { } activity)
        {
            run.InvokeActivity(id, node, activity);
            return;
        }
        run.ThrowMessage(id, node, send.MessageName, send.MessageRef, null);
        run.Complete(id);
    }
}

using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class CallActivityBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.CallProcess(id, (CallActivity)node);
}

using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class SubProcessBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.EnterScope(id, (SubProcess)node);
}

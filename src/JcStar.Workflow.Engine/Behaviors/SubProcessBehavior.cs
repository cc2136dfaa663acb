using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class SubProcessBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var sub = (SubProcess)node;
        if (sub.AdHoc is not null)
            run.EnterAdHoc(id, sub);
        else
            run.EnterScope(id, sub);
    }
}

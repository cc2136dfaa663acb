using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class ScriptTaskBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.RunScript(id, (ScriptTask)node);
}

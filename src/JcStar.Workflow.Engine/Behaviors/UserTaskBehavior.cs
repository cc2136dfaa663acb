using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class UserTaskBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.OpenUserTask(id, (UserTask)node);
}

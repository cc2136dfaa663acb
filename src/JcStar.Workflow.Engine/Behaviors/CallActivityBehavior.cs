using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

internal sealed class CallActivityBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var call = (CallActivity)node;
        // A call of a global task runs that task in place: its wait, effects and completion are the call activity's.
        if (call.GlobalTask is { } task)
            Behaviors.For(task).Execute(run, id, task);
        else
            run.CallProcess(id, call);
    }
}

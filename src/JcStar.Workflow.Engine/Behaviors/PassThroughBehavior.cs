using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>task, manualTask and a triggered boundary event: nothing to do, the token moves on.</summary>
internal sealed class PassThroughBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.Complete(id);
}

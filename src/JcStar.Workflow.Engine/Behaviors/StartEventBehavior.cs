using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>Its trigger has already happened when a token stands on it (the instance or scope was started for it).</summary>
internal sealed class StartEventBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.Complete(id);
}

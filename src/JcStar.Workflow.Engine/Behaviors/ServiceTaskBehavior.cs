using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>serviceTask and businessRuleTask: invoke the registered activity and wait for its answer.</summary>
internal sealed class ServiceTaskBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) =>
        run.InvokeActivity(id, node, node switch
        {
            ServiceTask s => s.ActivityName!,
            BusinessRuleTask b => b.ActivityName!,
            _ => throw new InvalidOperationException(node.ElementType),
        });
}

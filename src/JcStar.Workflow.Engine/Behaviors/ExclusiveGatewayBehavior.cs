using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>Takes the first outgoing flow whose condition holds (document order), else the default; neither is an incident.</summary>
internal sealed class ExclusiveGatewayBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.Complete(id);

    public override IReadOnlyList<SequenceFlow> Outgoing(Execution run, int id, FlowNode node)
    {
        var gateway = (Gateway)node;
        var index = run.ProcessOf(id);
        foreach (var flowId in node.Outgoing)
        {
            if (flowId == gateway.DefaultFlow)
                continue;
            var flow = index.Flow(flowId);
            if (flow.Condition is null || run.IsTrue(id, flow.Condition))
                return [flow];
        }
        if (gateway.DefaultFlow is { } fallback)
            return [index.Flow(fallback)];
        if (node.Outgoing.IsEmpty)
            return [];
        throw new ScriptFailure($"no condition of exclusive gateway {node.Id} holds and it has no default flow");
    }
}

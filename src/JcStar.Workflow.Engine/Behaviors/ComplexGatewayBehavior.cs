using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>Splits like an inclusive gateway; the join (activation, then reset) is in Execution.ComplexJoin.</summary>
internal sealed class ComplexGatewayBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.Complete(id);

    public override IReadOnlyList<SequenceFlow> Outgoing(Execution run, int id, FlowNode node)
    {
        var taken = run.ConditionalOutgoing(id, node, ((Gateway)node).DefaultFlow);
        if (taken.Count == 0 && !node.Outgoing.IsEmpty)
            throw new ScriptFailure($"no condition of complex gateway {node.Id} holds and it has no default flow");
        return taken;
    }
}

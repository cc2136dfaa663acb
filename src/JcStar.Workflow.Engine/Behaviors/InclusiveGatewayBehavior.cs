using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>Forks to every flow whose condition holds, else the default; joining is decided by the execution (see TryInclusiveJoins).</summary>
internal sealed class InclusiveGatewayBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.Complete(id);

    public override IReadOnlyList<SequenceFlow> Outgoing(Execution run, int id, FlowNode node)
    {
        var taken = run.ConditionalOutgoing(id, node, ((Gateway)node).DefaultFlow);
        if (taken.Count == 0 && !node.Outgoing.IsEmpty)
            throw new ScriptFailure($"no condition of inclusive gateway {node.Id} holds and it has no default flow");
        return taken;
    }
}

using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>Joining is done before activation (every incoming flow has a token); it forks to every outgoing flow.</summary>
internal sealed class ParallelGatewayBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node) => run.Complete(id);

    public override IReadOnlyList<SequenceFlow> Outgoing(Execution run, int id, FlowNode node)
    {
        var index = run.ProcessOf(id);
        return [.. node.Outgoing.Select(index.Flow)];
    }
}

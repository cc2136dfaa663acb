using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// What one element type does when a token reaches it. The shared lifecycle (inputs, boundary
/// events, outputs, FlowNodeCompleted, leaving, cancelling) lives in <see cref="Execution"/>.
/// </summary>
internal abstract class FlowNodeBehavior
{
    /// <summary>The token has arrived and its instance <paramref name="id"/> exists: complete it, or open a wait.</summary>
    public abstract void Execute(Execution run, int id, FlowNode node);

    /// <summary>The flows a completing token takes.</summary>
    public virtual IReadOnlyList<SequenceFlow> Outgoing(Execution run, int id, FlowNode node) =>
        run.ConditionalOutgoing(id, node, (node as Activity)?.DefaultFlow);
}

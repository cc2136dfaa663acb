using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>Waits for its message, timer or signal; a link catch was reached by its throw and moves on.</summary>
internal sealed class IntermediateCatchEventBehavior : FlowNodeBehavior
{
    public override void Execute(Execution run, int id, FlowNode node)
    {
        var catcher = (IntermediateCatchEvent)node;
        if (catcher.Definition is LinkEventDefinition)
        {
            run.Complete(id);
            return;
        }
        run.SetWait(id, ElementWait.Event);
        run.OpenTriggers(id, catcher);
    }
}

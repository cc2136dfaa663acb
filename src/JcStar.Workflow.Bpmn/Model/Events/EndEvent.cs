namespace JcStar.Workflow.Bpmn.Model;

public sealed record EndEvent : Event
{
    public override string ElementType => "endEvent";
}

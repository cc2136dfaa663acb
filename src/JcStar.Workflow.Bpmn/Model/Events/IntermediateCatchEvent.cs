namespace JcStar.Workflow.Bpmn.Model;

public sealed record IntermediateCatchEvent : Event
{
    public override string ElementType => "intermediateCatchEvent";
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record ExclusiveGateway : Gateway
{
    public override string ElementType => "exclusiveGateway";
}

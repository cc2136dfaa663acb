namespace JcStar.Workflow.Bpmn.Model;

public sealed record EventBasedGateway : Gateway
{
    public override string ElementType => "eventBasedGateway";
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record InclusiveGateway : Gateway
{
    public override string ElementType => "inclusiveGateway";
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record ParallelGateway : Gateway
{
    public override string ElementType => "parallelGateway";
}

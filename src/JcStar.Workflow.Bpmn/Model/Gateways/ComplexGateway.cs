namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Read and written; refused by validation for execution.</summary>
public sealed record ComplexGateway : Gateway
{
    public override string ElementType => "complexGateway";
}

namespace JcStar.Workflow.Bpmn.Model;

public abstract record Gateway : FlowNode
{
    /// <summary>The default flow's id (exclusive, inclusive and complex gateways).</summary>
    public string? DefaultFlow { get; init; }
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Runs as a service task bound to a registered activity.</summary>
public sealed record BusinessRuleTask : Activity
{
    public string? ActivityName { get; init; }
    public string? ResultVariable { get; init; }
    public override string ElementType => "businessRuleTask";
}

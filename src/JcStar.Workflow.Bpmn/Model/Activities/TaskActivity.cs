namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A plain <c>task</c>: no behaviour, passes straight through.</summary>
public sealed record TaskActivity : Activity
{
    public override string ElementType => "task";
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record UserTask : Activity
{
    public HumanTaskDefinition Human { get; init; } = HumanTaskDefinition.None;
    public override string ElementType => "userTask";
}

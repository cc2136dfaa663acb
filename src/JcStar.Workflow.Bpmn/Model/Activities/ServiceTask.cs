namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// Bound by <see cref="ActivityName"/> to an activity registered in code: jc:activity,
/// camunda:topic (external), camunda:delegateExpression / camunda:class, or zeebe:taskDefinition type.
/// </summary>
public sealed record ServiceTask : Activity
{
    public string? ActivityName { get; init; }
    public string? ResultVariable { get; init; }
    public override string ElementType => "serviceTask";
}

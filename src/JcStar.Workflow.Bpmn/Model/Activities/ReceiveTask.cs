namespace JcStar.Workflow.Bpmn.Model;

public sealed record ReceiveTask : Activity
{
    public string? MessageRef { get; init; }
    public string? MessageName { get; init; }
    public Expression? CorrelationKey { get; init; }
    public override string ElementType => "receiveTask";
}

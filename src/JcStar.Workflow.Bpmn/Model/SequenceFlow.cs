namespace JcStar.Workflow.Bpmn.Model;

public sealed record SequenceFlow : FlowElement
{
    public required string SourceRef { get; init; }
    public required string TargetRef { get; init; }
    public Expression? Condition { get; init; }
    public override string ElementType => "sequenceFlow";
}

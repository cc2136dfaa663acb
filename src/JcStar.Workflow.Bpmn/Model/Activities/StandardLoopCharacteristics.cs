namespace JcStar.Workflow.Bpmn.Model;

public sealed record StandardLoopCharacteristics : LoopCharacteristics
{
    public Expression? LoopCondition { get; init; }
    public bool TestBefore { get; init; }
    public int? LoopMaximum { get; init; }
    public override string ElementType => "standardLoopCharacteristics";
}

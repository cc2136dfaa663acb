namespace JcStar.Workflow.Bpmn.Model;

/// <summary>The value may be a literal (P10D) or an expression (${deadline}) that yields one.</summary>
public sealed record TimerEventDefinition : EventDefinition
{
    public required TimerKind Kind { get; init; }
    public required Expression Value { get; init; }
    public override string ElementType => "timerEventDefinition";
}

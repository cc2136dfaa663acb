namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// Collection and element come from jc:collection / jc:elementVariable, camunda:collection /
/// camunda:elementVariable, zeebe:loopCharacteristics, or the spec's loopDataInputRef / inputDataItem.
/// </summary>
public sealed record MultiInstanceLoopCharacteristics : LoopCharacteristics
{
    public bool IsSequential { get; init; }
    public Expression? LoopCardinality { get; init; }
    public Expression? InputCollection { get; init; }
    public string? InputElement { get; init; }
    public string? OutputCollection { get; init; }
    public Expression? OutputElement { get; init; }
    public Expression? CompletionCondition { get; init; }
    public override string ElementType => "multiInstanceLoopCharacteristics";
}

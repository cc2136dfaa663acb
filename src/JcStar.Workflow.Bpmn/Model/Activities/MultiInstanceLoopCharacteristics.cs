using System.Collections.Immutable;

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
    public MultiInstanceBehavior Behavior { get; init; }

    /// <summary>Behavior None: the event thrown as each instance completes (resolved from noneBehaviorEventRef).</summary>
    public EventDefinition? NoneBehaviorEvent { get; init; }

    /// <summary>Behavior One: the event thrown when the first instance completes (resolved from oneBehaviorEventRef).</summary>
    public EventDefinition? OneBehaviorEvent { get; init; }
    public ImmutableArray<ComplexBehaviorDefinition> ComplexBehaviorDefinitions { get; init; } = [];
    public override string ElementType => "multiInstanceLoopCharacteristics";
}

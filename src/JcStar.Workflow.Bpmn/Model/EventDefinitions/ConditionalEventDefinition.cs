using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// Triggers when its condition holds: checked when the waiting scope is entered and after variables change.
/// Camunda's variableName limits the check to changes of that variable, variableEvents to those kinds of change
/// (create, update, delete).
/// </summary>
public sealed record ConditionalEventDefinition : EventDefinition
{
    public required Expression Condition { get; init; }
    public string? VariableName { get; init; }
    public ImmutableArray<string> VariableEvents { get; init; } = [];
    public override string ElementType => "conditionalEventDefinition";
}

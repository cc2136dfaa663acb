namespace JcStar.Workflow.Bpmn.Model;

/// <summary>compensate, conditional, cancel: read and written, refused by validation for execution.</summary>
public sealed record UnsupportedEventDefinition : EventDefinition
{
    public required string DefinitionType { get; init; }
    public override string ElementType => DefinitionType;
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A throw link jumps to the catch link of the same name in the same scope.</summary>
public sealed record LinkEventDefinition : EventDefinition
{
    public required string Name { get; init; }
    public override string ElementType => "linkEventDefinition";
}

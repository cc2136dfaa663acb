namespace JcStar.Workflow.Bpmn.Model;

/// <summary>What triggers or is thrown by an event. An event with none is a "none" event.</summary>
public abstract record EventDefinition
{
    public string? Id { get; init; }
    public abstract string ElementType { get; }
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record StartEvent : Event
{
    /// <summary>Only meaningful in an event sub-process.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary>The start form (jc:/camunda:formKey, zeebe:formDefinition): the variables a caller may and must give.</summary>
    public string? FormKey { get; init; }
    public override string ElementType => "startEvent";
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record StartEvent : Event
{
    /// <summary>Only meaningful in an event sub-process.</summary>
    public bool IsInterrupting { get; init; } = true;
    public override string ElementType => "startEvent";
}

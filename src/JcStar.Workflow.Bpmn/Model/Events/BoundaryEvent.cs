namespace JcStar.Workflow.Bpmn.Model;

public sealed record BoundaryEvent : Event
{
    public required string AttachedToRef { get; init; }
    public bool CancelActivity { get; init; } = true;
    public override string ElementType => "boundaryEvent";
}

namespace JcStar.Workflow.Bpmn.Model;

public sealed record SignalEventDefinition : EventDefinition
{
    public string? SignalRef { get; init; }
    public string? SignalName { get; init; }
    public override string ElementType => "signalEventDefinition";
}

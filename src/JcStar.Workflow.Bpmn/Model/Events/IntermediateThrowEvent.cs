namespace JcStar.Workflow.Bpmn.Model;

public sealed record IntermediateThrowEvent : Event
{
    /// <summary>For a message throw: the registered activity that sends it (jc:activity), if any.</summary>
    public string? ActivityName { get; init; }
    public override string ElementType => "intermediateThrowEvent";
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>An embedded sub-process; with <see cref="TriggeredByEvent"/> an event sub-process.</summary>
public sealed record SubProcess : Activity
{
    public bool TriggeredByEvent { get; init; }
    public FlowScope Scope { get; init; } = FlowScope.Empty;
    public override string ElementType => "subProcess";
}

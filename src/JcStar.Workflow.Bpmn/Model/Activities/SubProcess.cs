namespace JcStar.Workflow.Bpmn.Model;

/// <summary>An embedded sub-process; with <see cref="TriggeredByEvent"/> an event sub-process; with <see cref="IsTransaction"/> a transaction; with <see cref="AdHoc"/> an ad-hoc sub-process.</summary>
public sealed record SubProcess : Activity
{
    public bool TriggeredByEvent { get; init; }
    public FlowScope Scope { get; init; } = FlowScope.Empty;

    /// <summary>A transaction: a cancel end event inside compensates what completed and leaves by the cancel boundary event.</summary>
    public bool IsTransaction { get; init; }

    /// <summary>Set on an adHocSubProcess.</summary>
    public AdHocDefinition? AdHoc { get; init; }
    public override string ElementType => IsTransaction ? "transaction" : AdHoc is not null ? "adHocSubProcess" : "subProcess";
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>What makes a sub-process ad-hoc: its inner activities run when someone chooses them, not along a flow from a start event.</summary>
public sealed record AdHocDefinition
{
    public AdHocOrdering Ordering { get; init; }

    /// <summary>Checked each time an inner element completes; when it holds, the sub-process completes.</summary>
    public Expression? CompletionCondition { get; init; }

    /// <summary>When the completion condition holds: true cancels the inner activities still running; false lets them finish first.</summary>
    public bool CancelRemainingInstances { get; init; } = true;
}

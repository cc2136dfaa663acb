namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// On a throw event: compensate the completed activity <see cref="ActivityRef"/> of the same scope, or every
/// completed activity of the scope when it is null, in reverse order of completion. On a boundary event: marks the
/// activity's compensation handler (joined by an association). On an event sub-process start: the sub-process's own handler.
/// </summary>
public sealed record CompensateEventDefinition : EventDefinition
{
    public string? ActivityRef { get; init; }

    /// <summary>The throw event waits until every handler has finished (the spec's default); false: it continues at once.</summary>
    public bool WaitForCompletion { get; init; } = true;
    public override string ElementType => "compensateEventDefinition";
}

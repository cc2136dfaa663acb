namespace JcStar.Workflow.Bpmn.Model;

public enum AdHocOrdering
{
    /// <summary>Any number of the inner activities may run at once (the spec's default).</summary>
    Parallel,
    /// <summary>One inner activity at a time.</summary>
    Sequential,
}

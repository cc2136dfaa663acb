namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Done outside the system; passes straight through.</summary>
public sealed record ManualTask : Activity
{
    public override string ElementType => "manualTask";
}

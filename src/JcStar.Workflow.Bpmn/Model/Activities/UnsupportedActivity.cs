namespace JcStar.Workflow.Bpmn.Model;

/// <summary>transaction, adHocSubProcess and other activity types the engine does not run: read and written, refused by validation.</summary>
public sealed record UnsupportedActivity : Activity
{
    public required string UnsupportedType { get; init; }
    public override string ElementType => UnsupportedType;
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Choreography activities (choreographyTask, callChoreography, subChoreography) in a process: read and written, refused by validation (the specification gives them no execution semantics).</summary>
public sealed record UnsupportedActivity : Activity
{
    public required string UnsupportedType { get; init; }
    public override string ElementType => UnsupportedType;
}

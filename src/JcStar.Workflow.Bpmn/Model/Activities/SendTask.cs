namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Sends through a registered activity (mail, for instance); <see cref="MessageName"/> from messageRef when given.</summary>
public sealed record SendTask : Activity
{
    public string? ActivityName { get; init; }
    public string? MessageRef { get; init; }
    public string? MessageName { get; init; }
    public override string ElementType => "sendTask";
}

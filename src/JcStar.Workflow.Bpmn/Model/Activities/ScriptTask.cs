namespace JcStar.Workflow.Bpmn.Model;

public sealed record ScriptTask : Activity
{
    public string? ScriptFormat { get; init; }
    public required string Script { get; init; }
    public string? ResultVariable { get; init; }
    public override string ElementType => "scriptTask";
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>On a catch event a null <see cref="ErrorCode"/> catches every error.</summary>
public sealed record ErrorEventDefinition : EventDefinition
{
    public string? ErrorRef { get; init; }
    public string? ErrorCode { get; init; }
    public override string ElementType => "errorEventDefinition";
}

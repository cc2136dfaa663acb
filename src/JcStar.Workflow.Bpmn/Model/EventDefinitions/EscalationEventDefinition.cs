namespace JcStar.Workflow.Bpmn.Model;

/// <summary>On a catch event a null <see cref="EscalationCode"/> catches every escalation.</summary>
public sealed record EscalationEventDefinition : EventDefinition
{
    public string? EscalationRef { get; init; }
    public string? EscalationCode { get; init; }
    public override string ElementType => "escalationEventDefinition";
}

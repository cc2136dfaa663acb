namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// <see cref="MessageName"/> is resolved from messageRef at read time (null when the ref dangles; validation reports it).
/// <see cref="CorrelationKey"/> is the expression whose value must equal the key a message is correlated with.
/// </summary>
public sealed record MessageEventDefinition : EventDefinition
{
    public string? MessageRef { get; init; }
    public string? MessageName { get; init; }
    public Expression? CorrelationKey { get; init; }
    public override string ElementType => "messageEventDefinition";
}

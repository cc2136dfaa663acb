namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// Splits like an inclusive gateway; joins when <see cref="ActivationCondition"/> holds over the tokens
/// that have arrived (<c>activationCount</c>), then waits for the remaining tokens before it resets.
/// </summary>
public sealed record ComplexGateway : Gateway
{
    /// <summary>The join's condition; null joins like an inclusive gateway (every token that can still arrive).</summary>
    public Expression? ActivationCondition { get; init; }

    public override string ElementType => "complexGateway";
}

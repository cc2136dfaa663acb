namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// A call activity's in or out mapping: <see cref="Source"/> is a variable name or, when
/// <see cref="SourceExpression"/> is set, an expression; <see cref="All"/> copies every variable.
/// </summary>
public sealed record VariableMapping
{
    public string? Source { get; init; }
    public Expression? SourceExpression { get; init; }
    public string? Target { get; init; }
    public bool All { get; init; }
}

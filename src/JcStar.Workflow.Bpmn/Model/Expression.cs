namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// An expression or script exactly as written in the model. <see cref="Language"/> is the
/// declared language (null means the engine's default, JavaScript); Camunda's <c>${ … }</c>
/// wrapper is kept here and removed by the engine.
/// </summary>
public sealed record Expression(string Text, string? Language = null)
{
    public override string ToString() => Text;
}

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A named value computed from an expression; a null <see cref="Value"/> copies the variable of the same name.</summary>
public sealed record IoParameter(string Name, Expression? Value);

namespace JcStar.Workflow.Scheme.Records;

/// <summary>
/// A decision in a case archive. <see cref="Kind"/>: <c>decision</c> (the record-decision step's entry),
/// <c>decision-maker</c> (a variable naming who decided) or <c>task-completed</c> (who completed a human task).
/// </summary>
public sealed record CaseDecision(string Kind, string? Element, string? By, string? On, string? Outcome);

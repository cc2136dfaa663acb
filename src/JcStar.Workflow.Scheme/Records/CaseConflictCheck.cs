namespace JcStar.Workflow.Scheme.Records;

/// <summary>
/// A conflict-of-interest check made in a case (JSS-01 6.2): when, at which step, which check, what it checked
/// (the facility, when one), whether it passed and every problem it found.
/// </summary>
public sealed record CaseConflictCheck(DateTimeOffset At, string? Element, string Activity, string Actor, string? Subject, bool? Passed, IReadOnlyList<string> Problems);

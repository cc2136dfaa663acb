namespace JcStar.Workflow.Runtime.Retention;

/// <summary>What one retention run changed (or, in a dry run, would change), and which due cases it left alone and why.</summary>
public sealed record RetentionReport(
    bool DryRun,
    DateTimeOffset At,
    IReadOnlyList<RetentionCaseResult> Anonymized,
    IReadOnlyList<RetentionSkip> Skipped);

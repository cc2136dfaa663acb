namespace JcStar.Workflow.Runtime.Retention;

/// <summary>One case anonymized: which fields (names, never values) and how many records of each kind.</summary>
public sealed record RetentionCaseResult(
    string InstanceId,
    string? BusinessKey,
    DateTimeOffset EndedAt,
    IReadOnlyList<string> Fields,
    bool Variables,
    int TaskForms,
    int Mails,
    int AuditEntries,
    int Jobs,
    int LedgerEntries)
{
    /// <summary>The letters whose content was (in a dry run: would be) removed, past Retention:LettersKeptFor.</summary>
    public IReadOnlyList<RetentionLetter> Letters { get; init; } = [];
}

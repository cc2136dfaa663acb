namespace JcStar.Workflow.Runtime.Retention;

/// <summary>
/// Bound from the "Retention" configuration section: how long personal data of closed cases is kept
/// (APPI: no longer than its purpose needs) while the decision record stays (JIS Q 17065 7.12).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Register the recurring retention job. Off unless configured: anonymizing is not undone.</summary>
    public bool Enabled { get; set; }

    /// <summary>When, as a Hangfire cron expression (UTC).</summary>
    public string Cron { get; set; } = "30 4 * * *";

    /// <summary>After a case closed, how long its variables, task forms and mail keep personal data.</summary>
    public TimeSpan ClosedCasesKeptFor { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>
    /// After a case closed, how long the Word and PDF content of its letters is kept; unset (the default) keeps it for
    /// good. JIS Q 17065 7.12 asks for records of every certification decision, and a letter is that record as the
    /// applicant received it: set a period only where the scheme's records policy says letters may go. When the period
    /// has passed, the content is removed from the document store and the record of each letter stays (name, document
    /// number, SHA-256, size, when and why it was removed).
    /// </summary>
    public TimeSpan? LettersKeptFor { get; set; }

    /// <summary>After a case closed, how long the data of its audit entries keeps personal data (the entries themselves stay).</summary>
    public TimeSpan AuditKeptFor { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>
    /// The personal fields, as dotted paths into case variables and form data ("applicant.email"); "*" stands
    /// for every member ("appellant.*"). A path matches wherever its first name is a key, at any depth.
    /// </summary>
    public List<string> PersonalFields { get; set; } = [];

    /// <summary>
    /// Variables of an open case naming the case it is about (an appeal), by id or case number: such a case is not
    /// touched while that one is open. Empty means <see cref="DefaultCaseReferenceFields"/> (a default inside the
    /// list would be appended to, not replaced, by configuration binding).
    /// </summary>
    public List<string> CaseReferenceFields { get; set; } = [];

    public static IReadOnlyList<string> DefaultCaseReferenceFields { get; } = ["subjectCaseId", "subjectCaseNumber"];

    public IReadOnlyList<string> EffectiveCaseReferenceFields => CaseReferenceFields.Count > 0 ? CaseReferenceFields : DefaultCaseReferenceFields;

    /// <summary>What an anonymized value becomes.</summary>
    public string Replacement { get; set; } = "[anonymized]";

    /// <summary>What a recipient's address in a retained mail becomes (its display name is dropped).</summary>
    public string ReplacementAddress { get; set; } = "anonymized@anonymized.invalid";
}

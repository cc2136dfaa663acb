namespace JcStar.Workflow.Scheme;

/// <summary>
/// Every figure of the scheme an operator may change, bound from the "Scheme" section. Defaults are
/// the scheme's public values where one exists (PROCEDURES.md: ★1 fee, 2-year validity) and marked
/// assumed where JSM-01/02 are not public.
/// </summary>
public sealed record SchemeOptions
{
    public const string Section = "Scheme";

    /// <summary>Public: at most 2 years from the date of issue, at every level.</summary>
    public int LabelValidityMonths { get; init; } = 24;

    /// <summary>
    /// Fees in JPY including tax by level. ★1 is public (198,000); ★3・★4 are assumed (the Certification Body's
    /// certification fee, the Evaluation Facility's own charge being separate) and are the operator's to set.
    /// </summary>
    public Dictionary<string, long> FeesJpy { get; init; } = new()
    {
        ["Star1"] = 198_000,
        ["Star2"] = 0,
        ["Star3"] = 550_000,
        ["Star4"] = 770_000,
    };

    /// <summary>Tokens: {yyyy} {yy} {level} {seq} {seq:N} (N digits, zero-padded). Assumed format.</summary>
    public string ApplicationNumberFormat { get; init; } = "JCS-A-{yyyy}-{seq:5}";

    /// <summary>Assumed format; one sequence per level and year.</summary>
    public string RegistrationNumberFormat { get; init; } = "JCS{level}-{yy}-{seq:6}";

    /// <summary>Assumed format for appeals, complaints and disputes.</summary>
    public string AppealNumberFormat { get; init; } = "JCS-X-{yyyy}-{seq:4}";

    /// <summary>
    /// Days after expiry an extension may still be filed. JSS-01 3.3 asks for it before expiry, so 0; an operator
    /// who allows a grace period sets it. Later applications are refused at once, with the reason in the letter.
    /// </summary>
    public int ExtensionGraceDays { get; init; }

    /// <summary>Assumed: reminders 90 and 30 days before expiry.</summary>
    public int[] ExpiryReminderDaysBefore { get; init; } = [90, 30];

    /// <summary>Assumed: days an applicant has to answer a correction request before the application is withdrawn.</summary>
    public int CorrectionDeadlineDays { get; init; } = 30;

    /// <summary>Assumed: days to pay the fee after acceptance.</summary>
    public int FeePaymentDeadlineDays { get; init; } = 30;

    /// <summary>Assumed: an appeal is acknowledged within 10 business days.</summary>
    public int AppealAcknowledgeBusinessDays { get; init; } = 10;

    /// <summary>Assumed: an appeal is decided within 60 days.</summary>
    public int AppealDecisionDays { get; init; } = 60;

    /// <summary>Assumed: days a registrant has to show the effect of an instruction for improvement.</summary>
    public int ImprovementDeadlineDays { get; init; } = 30;

    /// <summary>Assumed: days a review task may take; it is the task's due date, and passing it escalates.</summary>
    public int ReviewDeadlineDays { get; init; } = 30;

    /// <summary>Assumed: days an Evaluation Facility has to submit its report once evaluation starts (★3・★4).</summary>
    public int EvaluationReportDeadlineDays { get; init; } = 90;

    /// <summary>Assumed: the facility is reminded this many days before its report is due.</summary>
    public int EvaluationReportReminderDaysBefore { get; init; } = 14;

    /// <summary>
    /// The deadline of that name in days, as <c>scheme.set-deadline</c> and the <c>deadlineDays</c> variable know them;
    /// null for a name the scheme has no deadline for.
    /// </summary>
    public int? DeadlineDays(string name) => name switch
    {
        "review" => ReviewDeadlineDays,
        "correction" => CorrectionDeadlineDays,
        "payment" => FeePaymentDeadlineDays,
        "improvement" => ImprovementDeadlineDays,
        "appealDecision" => AppealDecisionDays,
        "evaluationReport" => EvaluationReportDeadlineDays,
        _ => null,
    };

    /// <summary>Further closed days (ISO dates), kept for settings written before <see cref="Calendar"/>; added to its closed days.</summary>
    public DateOnly[] Holidays { get; init; } = [];

    /// <summary>National holidays, the year-end closure and further closed days: every deadline moves off them.</summary>
    public Calendar.CalendarOptions Calendar { get; init; } = new();

    public OfficeOptions Office { get; init; } = new();

    /// <summary>Scheduled surveillance: how often a sampling round runs and which labels it samples.</summary>
    public SurveillanceOptions Surveillance { get; init; } = new();

    /// <summary>Document numbers, addressing and the appeal period printed on decision letters.</summary>
    public Letters.LetterOptions Letters { get; init; } = new();

    /// <summary>Scheme dates (issue, expiry, deadlines) are days in this zone; IANA id.</summary>
    public string TimeZone { get; init; } = "Asia/Tokyo";
}

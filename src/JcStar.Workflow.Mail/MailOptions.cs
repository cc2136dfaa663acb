namespace JcStar.Workflow.Mail;

/// <summary>Settings bound from the configuration section <see cref="SectionName"/>. Every address and delay lives here.</summary>
public sealed record MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>Used when <see cref="RetrySchedule"/> is empty: doubling from one minute, then every four hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
        TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
    ];

    public SmtpOptions Smtp { get; init; } = new();

    public string FromAddress { get; init; } = "noreply@jcstar.localhost";

    public string? FromDisplayName { get; init; } = "JC-STAR 事務局";

    /// <summary>The right-hand side of every Message-Id; empty means the domain of <see cref="FromAddress"/>.</summary>
    public string? MessageIdDomain { get; init; }

    /// <summary>
    /// Delay before attempt n+1 after attempt n failed for a transient reason; the last entry repeats.
    /// Empty means <see cref="DefaultRetrySchedule"/> (kept empty by default so configuration binding replaces rather than appends).
    /// </summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = [];

    /// <summary>After this many attempts a transient failure becomes permanent and staff must retry by hand.</summary>
    public int MaxAttempts { get; init; } = 12;

    /// <summary>Where the .eml transport writes when no SMTP host is configured.</summary>
    public string OutboxFolder { get; init; } = "data/outbox";

    /// <summary>Holds one folder per template: subject.liquid, body.txt.liquid and optionally body.html.liquid.</summary>
    public string TemplateFolder { get; init; } = "templates/mail";

    /// <summary>Culture for Liquid's date and number filters.</summary>
    public string TemplateCulture { get; init; } = "ja-JP";

    /// <summary>Time zone for Liquid's date filter; letters state Japan time.</summary>
    public string TemplateTimeZone { get; init; } = "Asia/Tokyo";

    /// <summary>When true a template that reads a variable the case does not have fails the activity instead of printing nothing.</summary>
    public bool StrictTemplateVariables { get; init; }

    /// <summary>Messages claimed at a time; one SMTP connection carries a whole batch.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>
    /// How long a claimed batch is reserved. A dispatcher that dies frees its messages when this passes and the next
    /// dispatch (every <c>Mail:DispatchInterval</c>, 5 s) sends them; a live one leaves a message whose lease would run out
    /// within <c>Mail:Smtp:Timeout</c> unsent rather than risk sending it twice. Must exceed twice the SMTP timeout.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(45);

    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule => RetrySchedule.Count > 0 ? RetrySchedule : DefaultRetrySchedule;

    public string EffectiveMessageIdDomain =>
        MessageIdDomain is { Length: > 0 } domain ? domain
        : FromAddress[(FromAddress.LastIndexOf('@') + 1)..] is { Length: > 0 } fromDomain ? fromDomain
        : "localhost";

    /// <summary>Throws on settings that would make the dispatcher loop, never retry, or race another dispatcher.</summary>
    public void Validate()
    {
        Smtp.Validate();
        if (EffectiveRetrySchedule.Any(d => d <= TimeSpan.Zero))
            throw new InvalidOperationException("Mail:RetrySchedule entries must be positive.");
        if (MaxAttempts < 1)
            throw new InvalidOperationException("Mail:MaxAttempts must be at least 1.");
        if (BatchSize < 1)
            throw new InvalidOperationException("Mail:BatchSize must be at least 1.");
        if (Lease <= Smtp.Timeout * 2)
            throw new InvalidOperationException("Mail:Lease must be more than twice Mail:Smtp:Timeout.");
        if (string.IsNullOrWhiteSpace(FromAddress) || !FromAddress.Contains('@'))
            throw new InvalidOperationException("Mail:FromAddress must be a mail address.");
    }
}

namespace JcStar.Workflow.Mail;

/// <summary>The relay the dispatcher hands mail to (configuration section Mail:Smtp).</summary>
public sealed record SmtpOptions
{
    /// <summary>Empty means no relay: messages are written as .eml files under <see cref="MailOptions.OutboxFolder"/>.</summary>
    public string? Host { get; init; }

    /// <summary>0 picks the usual port for <see cref="Security"/>: 25, 587 or 465.</summary>
    public int Port { get; init; }

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>Empty means no AUTH.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>For connecting and for each SMTP command; a hung relay must not hold a message's lease forever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.Ssl => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };
}

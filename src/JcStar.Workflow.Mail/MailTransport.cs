namespace JcStar.Workflow.Mail;

/// <summary>Chooses the transport the configuration asks for.</summary>
public static class MailTransport
{
    /// <summary>SMTP when Mail:Smtp:Host is set; otherwise .eml files under Mail:OutboxFolder, so the product runs out of the box.</summary>
    public static IMailTransport FromOptions(MailOptions options) =>
        string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? new EmlFileMailTransport(options.OutboxFolder)
            : new SmtpMailTransport(options.Smtp, options.EffectiveMessageIdDomain);
}

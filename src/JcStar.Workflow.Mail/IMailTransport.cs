namespace JcStar.Workflow.Mail;

/// <summary>Where composed messages go: an SMTP relay, or .eml files when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Opens one session that carries a whole batch (one SMTP connection, not one per message).</summary>
    Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken);
}

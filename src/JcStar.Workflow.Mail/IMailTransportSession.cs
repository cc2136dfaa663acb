using MimeKit;

namespace JcStar.Workflow.Mail;

public interface IMailTransportSession : IAsyncDisposable
{
    /// <summary>False once the connection broke; the dispatcher then opens a new session for the next message.</summary>
    bool IsUsable { get; }

    /// <summary>
    /// Returns when the receiving side has accepted the message. Throws <see cref="MailRejectedException"/>
    /// when it refused it for good (5xx); any other exception is transient and the message is tried again later.
    /// </summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

using MailKit.Net.Smtp;
using MailKit.Security;

namespace JcStar.Workflow.Mail;

/// <summary>Delivers through an SMTP relay with MailKit: plain, STARTTLS or implicit TLS, optional AUTH.</summary>
public sealed class SmtpMailTransport(SmtpOptions options, string localDomain) : IMailTransport
{
    public async Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Mail:Smtp:Host is not set.");

        var client = new SmtpClient
        {
            Timeout = (int)options.Timeout.TotalMilliseconds,
            LocalDomain = localDomain,
        };
        try
        {
            var security = options.Security switch
            {
                SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            };
            // MailKit's own timeout covers commands; the connect itself also needs a bound when the host drops SYNs.
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(options.Timeout);
            await client.ConnectAsync(options.Host, options.EffectivePort, security, connectTimeout.Token);
            if (options.User is { Length: > 0 } user)
                await client.AuthenticateAsync(user, options.Password ?? "", cancellationToken);
            return new SmtpMailTransportSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

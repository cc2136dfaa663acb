using System.Net.Sockets;
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
            // Our own socket, for NoDelay: otherwise the last small write of each DATA (".") waits on the
            // server's delayed ACK, about 40 ms per message, which caps a batch at ~20 messages/s.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Host, options.EffectivePort, connectTimeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, options.Host, options.EffectivePort, security, connectTimeout.Token);
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

using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace JcStar.Workflow.Mail;

/// <summary>Delivers through an SMTP relay with MailKit: plain, STARTTLS or implicit TLS, optional AUTH.</summary>
public sealed class SmtpMailTransport(SmtpOptions options, string localDomain) : IMailTransport
{
    private string Relay => $"{options.Host}:{options.EffectivePort}";

    public async Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Mail:Smtp:Host is not set.");

        var trust = new RelayCertificateTrust(options.TrustedCertificateThumbprints);
        var client = new SmtpClient
        {
            Timeout = (int)options.Timeout.TotalMilliseconds,
            LocalDomain = localDomain,
            ServerCertificateValidationCallback = trust.Validate,
        };
        try
        {
            await ConnectAsync(client, trust, cancellationToken);
            await AuthenticateAsync(client, cancellationToken);
            return new SmtpMailTransportSession(client, options);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task ConnectAsync(SmtpClient client, RelayCertificateTrust trust, CancellationToken cancellationToken)
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
        try
        {
            // Our own socket, for NoDelay: otherwise the last small write of each DATA (".") waits on the
            // server's delayed ACK, about 40 ms per message, which caps a batch at ~20 messages/s.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Host!, options.EffectivePort, connectTimeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, options.Host!, options.EffectivePort, security, connectTimeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{Relay} did not answer within {options.Timeout.TotalSeconds:0.###} s (Mail:Smtp:Timeout) while connecting", e);
        }
        catch (SslHandshakeException e)
        {
            throw new SmtpSessionException($"TLS with {Relay} failed: {trust.Rejection ?? e.Message}", e);
        }
        catch (NotSupportedException e) when (security == SecureSocketOptions.StartTls)
        {
            throw new SmtpSessionException($"{Relay} does not offer STARTTLS and Mail:Smtp:Security is starttls ({e.Message})", e);
        }
    }

    private async Task AuthenticateAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (options.User is not { Length: > 0 } user)
            return;
        if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            var hint = !client.IsSecure && client.Capabilities.HasFlag(SmtpCapabilities.StartTLS)
                ? "; it offers STARTTLS, after which servers usually offer AUTH: set Mail:Smtp:Security to starttls"
                : "";
            throw new SmtpSessionException($"{Relay} offers no AUTH on this connection but Mail:Smtp:User is set{hint}");
        }
        try
        {
            await client.AuthenticateAsync(user, options.Password ?? "", cancellationToken);
        }
        catch (AuthenticationException e)
        {
            throw new SmtpSessionException($"{Relay} refused AUTH as {user}: {e.Message}", e);
        }
    }
}

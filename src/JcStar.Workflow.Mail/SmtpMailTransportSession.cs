using MailKit.Net.Smtp;
using MimeKit;

namespace JcStar.Workflow.Mail;

/// <summary>One connected MailKit client carrying a batch of messages.</summary>
public sealed class SmtpMailTransportSession : IMailTransportSession
{
    private readonly SmtpClient _client;
    private readonly SmtpOptions _options;

    internal SmtpMailTransportSession(SmtpClient client, SmtpOptions options)
    {
        _client = client;
        _options = options;
    }

    public bool IsUsable => _client.IsConnected;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendAsync(message, cancellationToken);
        }
        catch (MailKit.ServiceNotAuthenticatedException e)
        {
            // MailKit's name for a 530 reply to MAIL FROM: authentication, or TLS, is required first.
            throw new SmtpSessionException($"530 {e.Message}: the relay refuses this session, not the message{Hint()}", e);
        }
        catch (SmtpCommandException e) when (RefusesTheSession(e.StatusCode))
        {
            throw new SmtpSessionException($"{Describe(e)}: the relay refuses this session, not the message{Hint()}", e);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new MailRejectedException(Describe(e), e);
        }
        catch (SmtpCommandException e)
        {
            throw new SmtpTransientException(Describe(e), e);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"the relay did not answer within {_options.Timeout.TotalSeconds:0.###} s (Mail:Smtp:Timeout) while sending", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException or TimeoutException)
        {
            // Everything in the batch has an outcome already; a QUIT that fails changes none of them.
        }
        finally
        {
            _client.Dispose();
        }
    }

    /// <summary>Replies about TLS or AUTH (530, 534, 535, 538): every message on this session would get the same one.</summary>
    private static bool RefusesTheSession(SmtpStatusCode code) => code is SmtpStatusCode.AuthenticationRequired
        or SmtpStatusCode.AuthenticationMechanismTooWeak or SmtpStatusCode.AuthenticationInvalidCredentials
        or SmtpStatusCode.EncryptionRequiredForAuthenticationMechanism;

    private string Hint() =>
        !_client.IsSecure && _client.Capabilities.HasFlag(SmtpCapabilities.StartTLS)
            ? $"; it offers STARTTLS and Mail:Smtp:Security is {_options.Security.ToString().ToLowerInvariant()}: set it to starttls"
        : !_client.IsAuthenticated && _client.Capabilities.HasFlag(SmtpCapabilities.Authentication)
            ? "; it offers AUTH and Mail:Smtp:User is not set"
        : "";

    /// <summary>The server's own words, with the code and the mailbox it objected to.</summary>
    private static string Describe(SmtpCommandException e)
    {
        var about = e.Mailbox is { } mailbox ? $" ({e.ErrorCode} {mailbox.Address})" : $" ({e.ErrorCode})";
        return $"{(int)e.StatusCode} {e.Message}{about}";
    }
}

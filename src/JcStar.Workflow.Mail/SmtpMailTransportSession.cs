using MailKit.Net.Smtp;
using MimeKit;

namespace JcStar.Workflow.Mail;

/// <summary>One connected MailKit client carrying a batch of messages.</summary>
public sealed class SmtpMailTransportSession : IMailTransportSession
{
    private readonly SmtpClient _client;

    internal SmtpMailTransportSession(SmtpClient client) => _client = client;

    public bool IsUsable => _client.IsConnected;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new MailRejectedException(Describe(e), e);
        }
        catch (SmtpCommandException e)
        {
            throw new SmtpTransientException(Describe(e), e);
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

    /// <summary>The server's own words, with the code and the mailbox it objected to.</summary>
    private static string Describe(SmtpCommandException e)
    {
        var about = e.Mailbox is { } mailbox ? $" ({e.ErrorCode} {mailbox.Address})" : $" ({e.ErrorCode})";
        return $"{(int)e.StatusCode} {e.Message}{about}";
    }
}

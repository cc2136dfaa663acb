using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Mail;

/// <summary>
/// Delivers due outbox messages. Holds no state between runs: a scheduler calls
/// <see cref="DispatchDueAsync"/> and any number of dispatchers may run at once, because a message
/// is only ever touched under the lease its claim took.
/// </summary>
/// <remarks>
/// Delivery is at least once, and exactly once as far as the recipient can tell: the claim is
/// recorded (sending, attempt, lease) before any SMTP command; a dispatcher that dies between the
/// server's 250 and <see cref="IOutbox.MarkSentAsync"/> leaves the message sending, and once the lease
/// expires the next run sends it again with the same Message-Id, which receiving systems deduplicate on.
/// </remarks>
public sealed class MailDispatcher
{
    private readonly IOutbox _outbox;
    private readonly IMailTransport _transport;
    private readonly MimeMessageComposer _composer;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    public MailDispatcher(IOutbox outbox, IMailTransport transport, IAttachmentSource attachments, MailOptions options, TimeProvider time)
    {
        options.Validate();
        _outbox = outbox;
        _transport = transport;
        _composer = new MimeMessageComposer(attachments);
        _options = options;
        _time = time;
    }

    /// <summary>Claims and sends batches until nothing is due. Store failures propagate: the leases then expire and a later run resumes.</summary>
    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var tally = new Tally();
        IMailTransportSession? session = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await _outbox.ClaimDueAsync(_time.GetUtcNow(), _options.BatchSize, _options.Lease, cancellationToken);
                if (batch.Count == 0)
                    break;
                session = await SendBatchAsync(batch, session, tally, cancellationToken);
            }
        }
        finally
        {
            if (session is not null)
                await session.DisposeAsync();
        }
        return new DispatchSummary(tally.Sent, tally.Retrying, tally.Failed);
    }

    private async Task<IMailTransportSession?> SendBatchAsync(
        IReadOnlyList<OutboxMessage> batch, IMailTransportSession? session, Tally tally, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = batch[i];
            var leaseToken = message.LeaseToken!.Value;

            // Too close to the lease's end another dispatcher may claim it mid-send; leave it to expire and be recovered.
            if (_time.GetUtcNow() + _options.Smtp.Timeout >= message.LeaseExpiresAt)
                continue;

            MimeKit.MimeMessage mime;
            try
            {
                mime = await _composer.ComposeAsync(message, cancellationToken);
            }
            catch (AttachmentMissingException e)
            {
                await FailPermanentlyAsync(message, leaseToken, e.Message, tally);
                continue;
            }

            if (session is not { IsUsable: true })
            {
                if (session is not null)
                    await session.DisposeAsync();
                session = null;
                try
                {
                    session = await _transport.OpenAsync(cancellationToken);
                }
                catch (Exception e) when (IsTransient(e, cancellationToken))
                {
                    // The relay is unreachable: the rest of the batch would fail the same way, so defer it all now.
                    foreach (var unsent in batch.Skip(i))
                        await DeferAsync(unsent, unsent.LeaseToken!.Value, $"connect: {e.Message}", tally);
                    return null;
                }
            }

            try
            {
                await session.SendAsync(mime, cancellationToken);
            }
            catch (MailRejectedException e)
            {
                await FailPermanentlyAsync(message, leaseToken, e.Message, tally);
                continue;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                await DeferAsync(message, leaseToken, e.Message, tally);
                continue;
            }

            // The server has the message; recording that must not be abandoned half way by a cancellation.
            await _outbox.MarkSentAsync(message.Id, _time.GetUtcNow(), CancellationToken.None);
            tally.Sent++;
        }
        return session;
    }

    private async Task DeferAsync(OutboxMessage message, Guid leaseToken, string error, Tally tally)
    {
        if (message.Attempts >= _options.MaxAttempts)
        {
            await FailPermanentlyAsync(message, leaseToken, $"{error} (gave up after {message.Attempts} attempts)", tally);
            return;
        }
        var schedule = _options.EffectiveRetrySchedule;
        var delay = schedule[Math.Min(message.Attempts, schedule.Count) - 1];
        if (await _outbox.MarkAttemptFailedAsync(message.Id, leaseToken, _time.GetUtcNow() + delay, error, CancellationToken.None))
            tally.Retrying++;
    }

    private async Task FailPermanentlyAsync(OutboxMessage message, Guid leaseToken, string error, Tally tally)
    {
        if (await _outbox.MarkFailedPermanentlyAsync(message.Id, leaseToken, error, CancellationToken.None))
            tally.Failed++;
    }

    /// <summary>Anything the network or the server did; not our own cancellation, and not a bug in this code.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException
            or SmtpTransientException or SmtpSessionException or MailKit.ProtocolException or MailKit.Security.AuthenticationException
            or MailKit.Net.Smtp.SmtpCommandException or System.Security.Authentication.AuthenticationException
            or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException;

    private sealed class Tally
    {
        public int Sent;
        public int Retrying;
        public int Failed;
    }
}

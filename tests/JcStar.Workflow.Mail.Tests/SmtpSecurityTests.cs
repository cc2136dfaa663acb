using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JcStar.Workflow.Runtime.Mail;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// The dispatcher against a real in-process relay that speaks TLS (STARTTLS or from the first byte) with a
/// self-signed certificate made here, requires AUTH, requires STARTTLS, or stops answering.
/// </summary>
public sealed class SmtpSecurityTests
{
    private const string User = "jcstar-relay";
    private const string Password = "正しい-password";

    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.Ssl)]
    public async Task A_relay_with_a_pinned_self_signed_certificate_gets_the_mail_encrypted_and_intact(SmtpSecurity security)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, ImplicitTls = security == SmtpSecurity.Ssl, RequireTls = true };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var queued = await TestMail.EnqueueAsync(outbox, clock, 2);
        // Written as an operator would paste it: colon-separated, lower case.
        var pin = string.Join(':', TestCertificates.Fingerprint(certificate).Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        var smtp = server.ClientOptions with { Security = security, TrustedCertificateThumbprints = [pin] };

        Assert.Equal(new DispatchSummary(2, 0, 0), await TestMail.Dispatcher(outbox, smtp, clock).DispatchDueAsync(None));

        Assert.All(server.Arrivals, a => Assert.True(a.Encrypted));
        Assert.Equal(queued.Select(m => m.MessageId).Order(), server.Received.Select(m => m.MessageId).Order());
        var first = Assert.Single(server.Received, m => m.MessageId == queued[0].MessageId);
        Assert.Equal(("【JC-STAR】お知らせ job-0", "本文です。job-0", "山田 太郎"), (first.Subject, first.TextBody?.TrimEnd(), first.To.Mailboxes.Single().Name));
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.Ssl)]
    public async Task An_untrusted_certificate_stops_the_mail_with_its_fingerprint_until_it_is_pinned(SmtpSecurity security)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, ImplicitTls = security == SmtpSecurity.Ssl };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-tls", clock.GetUtcNow()), None);
        var smtp = server.ClientOptions with { Security = security };

        Assert.Equal(new DispatchSummary(0, 1, 0), await TestMail.Dispatcher(outbox, smtp, clock).DispatchDueAsync(None));

        Assert.Empty(server.Received);
        var waiting = (await outbox.FindAsync(message.Id, None))!;
        Assert.Equal((OutboxStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.StartsWith("connect: TLS with 127.0.0.1:", waiting.LastError);
        Assert.Contains($"(SHA-256 {TestCertificates.Fingerprint(certificate)}) is not trusted: UntrustedRoot", waiting.LastError);
        Assert.Contains("add its fingerprint to Mail:Smtp:TrustedCertificateThumbprints", waiting.LastError);

        // The operator pins it; the next attempt on the schedule delivers.
        var pinned = smtp with { TrustedCertificateThumbprints = [TestCertificates.Fingerprint(certificate)] };
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(1, 0, 0), await TestMail.Dispatcher(outbox, pinned, clock).DispatchDueAsync(None));
        Assert.True(Assert.Single(server.Arrivals).Encrypted);
    }

    [Theory]
    [InlineData(true, "127.0.0.1", "NotTimeValid")]
    [InlineData(false, "192.0.2.7", "RemoteCertificateNameMismatch")]
    public async Task A_pin_excuses_only_the_missing_authority_not_an_expired_certificate_or_another_hosts(bool expired, string certifiedAddress, string problem)
    {
        using var certificate = TestCertificates.SelfSigned(certifiedAddress, expired);
        await using var server = new InProcessSmtpServer { Certificate = certificate };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-pin", clock.GetUtcNow()), None);
        var smtp = server.ClientOptions with { Security = SmtpSecurity.StartTls, TrustedCertificateThumbprints = [TestCertificates.Fingerprint(certificate)] };

        Assert.Equal(new DispatchSummary(0, 1, 0), await TestMail.Dispatcher(outbox, smtp, clock).DispatchDueAsync(None));

        Assert.Empty(server.Received);
        var error = (await outbox.FindAsync(message.Id, None))!.LastError;
        Assert.Contains(problem, error);
        Assert.Contains("it is in Mail:Smtp:TrustedCertificateThumbprints, which does not excuse that", error);
    }

    [Fact]
    public async Task A_relay_that_requires_AUTH_takes_the_mail_as_the_configured_user()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, Login = (User, Password) };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        await TestMail.EnqueueAsync(outbox, clock, 3);

        Assert.Equal(new DispatchSummary(3, 0, 0), await TestMail.Dispatcher(outbox, Secured(server, certificate), clock).DispatchDueAsync(None));

        Assert.Equal(3, server.Arrivals.Count);
        Assert.All(server.Arrivals, a => Assert.Equal((true, User), (a.Encrypted, a.User)));
    }

    [Fact]
    public async Task Wrong_credentials_keep_the_mail_queued_with_the_relays_reason_until_they_are_corrected()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, Login = (User, Password) };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var queued = await TestMail.EnqueueAsync(outbox, clock, 2);
        var wrong = Secured(server, certificate) with { Password = "違う" };

        Assert.Equal(new DispatchSummary(0, 2, 0), await TestMail.Dispatcher(outbox, wrong, clock).DispatchDueAsync(None));

        Assert.Empty(server.Received);
        foreach (var message in queued)
        {
            var waiting = (await outbox.FindAsync(message.Id, None))!;
            // Policy: a refused login is the relay's or the configuration's fault, not the message's, so it is retried.
            Assert.Equal((OutboxStatus.Queued, 1, clock.GetUtcNow() + TimeSpan.FromMinutes(1)), (waiting.Status, waiting.Attempts, waiting.NextAttemptAt));
            Assert.StartsWith($"connect: 127.0.0.1:{server.Port} refused AUTH as {User}: ", waiting.LastError);
            Assert.Contains("535", waiting.LastError);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(2, 0, 0), await TestMail.Dispatcher(outbox, Secured(server, certificate), clock).DispatchDueAsync(None));
        Assert.Equal(queued.Select(m => m.MessageId).Order(), server.Received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Without_credentials_a_relay_that_requires_AUTH_leaves_the_mail_queued_and_says_User_is_not_set()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, Login = (User, Password) };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-anon", clock.GetUtcNow()), None);
        var anonymous = Secured(server, certificate) with { User = null, Password = null };

        Assert.Equal(new DispatchSummary(0, 1, 0), await TestMail.Dispatcher(outbox, anonymous, clock).DispatchDueAsync(None));

        var waiting = (await outbox.FindAsync(message.Id, None))!;
        Assert.Equal(OutboxStatus.Queued, waiting.Status);
        Assert.StartsWith("530 ", waiting.LastError);
        Assert.EndsWith("the relay refuses this session, not the message; it offers AUTH and Mail:Smtp:User is not set", waiting.LastError);
    }

    [Fact]
    public async Task A_plain_client_on_a_relay_that_requires_STARTTLS_is_told_to_use_it_and_no_mail_is_failed()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, RequireTls = true };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var queued = await TestMail.EnqueueAsync(outbox, clock, 2);

        Assert.Equal(new DispatchSummary(0, 2, 0), await TestMail.Dispatcher(outbox, server.ClientOptions, clock).DispatchDueAsync(None));

        Assert.Empty(server.Received);
        foreach (var message in queued)
        {
            var waiting = (await outbox.FindAsync(message.Id, None))!;
            Assert.Equal(OutboxStatus.Queued, waiting.Status);
            Assert.StartsWith($"530 {InProcessSmtpServer.TlsRequiredReason}", waiting.LastError);
            Assert.EndsWith("it offers STARTTLS and Mail:Smtp:Security is none: set it to starttls", waiting.LastError);
        }
    }

    [Fact]
    public async Task A_plain_client_with_credentials_on_a_relay_that_offers_AUTH_only_after_STARTTLS_is_told_to_use_it()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new InProcessSmtpServer { Certificate = certificate, Login = (User, Password) };
        await server.StartAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-plain", clock.GetUtcNow()), None);
        var plain = server.ClientOptions with { User = User, Password = Password };

        Assert.Equal(new DispatchSummary(0, 1, 0), await TestMail.Dispatcher(outbox, plain, clock).DispatchDueAsync(None));

        Assert.Empty(server.Received);
        var waiting = (await outbox.FindAsync(message.Id, None))!;
        Assert.Equal(OutboxStatus.Queued, waiting.Status);
        Assert.Equal(
            $"connect: 127.0.0.1:{server.Port} offers no AUTH on this connection but Mail:Smtp:User is set; "
            + "it offers STARTTLS, after which servers usually offer AUTH: set Mail:Smtp:Security to starttls",
            waiting.LastError);
    }

    [Fact]
    public async Task STARTTLS_configured_against_a_relay_without_it_leaves_the_mail_queued_and_says_so()
    {
        await using var server = await InProcessSmtpServer.StartedAsync();
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-notls", clock.GetUtcNow()), None);

        var summary = await TestMail.Dispatcher(outbox, server.ClientOptions with { Security = SmtpSecurity.StartTls }, clock).DispatchDueAsync(None);

        Assert.Equal(new DispatchSummary(0, 1, 0), summary);
        Assert.Empty(server.Received);
        Assert.StartsWith($"connect: 127.0.0.1:{server.Port} does not offer STARTTLS and Mail:Smtp:Security is starttls",
            (await outbox.FindAsync(message.Id, None))!.LastError);
    }

    [Fact]
    public async Task A_relay_that_accepts_the_connection_but_never_greets_times_out_and_the_mail_goes_once_it_answers()
    {
        var timeout = TimeSpan.FromSeconds(2);
        int port;
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-silent", clock.GetUtcNow()), None);
        using (var silent = new SilentRelay())
        {
            port = silent.Port;
            var smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = timeout };
            var watch = Stopwatch.StartNew();
            var summary = await TestMail.Dispatcher(outbox, smtp, clock).DispatchDueAsync(None).WaitAsync(TimeSpan.FromMinutes(1), None);
            watch.Stop();

            Assert.Equal(new DispatchSummary(0, 1, 0), summary);
            Assert.True(silent.Accepted > 0, "the relay accepted the TCP connection");
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, timeout + TimeSpan.FromSeconds(15));
        }
        var waiting = (await outbox.FindAsync(message.Id, None))!;
        Assert.Equal((OutboxStatus.Queued, 1, clock.GetUtcNow() + TimeSpan.FromMinutes(1)), (waiting.Status, waiting.Attempts, waiting.NextAttemptAt));
        Assert.Equal($"connect: 127.0.0.1:{port} did not answer within 2 s (Mail:Smtp:Timeout) while connecting", waiting.LastError);

        await using var server = new InProcessSmtpServer(port);
        await server.StartAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(1, 0, 0), await TestMail.Dispatcher(outbox, server.ClientOptions, clock).DispatchDueAsync(None));
        Assert.Equal(message.MessageId, Assert.Single(server.Received).MessageId);
    }

    [Fact]
    public async Task A_relay_that_stops_answering_mid_session_times_out_and_the_mail_is_retried()
    {
        var timeout = TimeSpan.FromSeconds(2);
        await using var server = await InProcessSmtpServer.StartedAsync();
        server.StallOnMailFrom = true;
        var clock = TestMail.Clock();
        var outbox = new InMemoryOutbox();
        var message = await outbox.EnqueueAsync(TestMail.Message("job-stall", clock.GetUtcNow()), None);
        var smtp = server.ClientOptions with { Timeout = timeout };

        var watch = Stopwatch.StartNew();
        var summary = await TestMail.Dispatcher(outbox, smtp, clock).DispatchDueAsync(None).WaitAsync(TimeSpan.FromMinutes(1), None);
        watch.Stop();

        Assert.Equal(new DispatchSummary(0, 1, 0), summary);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, timeout + TimeSpan.FromSeconds(15));
        var waiting = (await outbox.FindAsync(message.Id, None))!;
        Assert.Equal((OutboxStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.Equal("the relay did not answer within 2 s (Mail:Smtp:Timeout) while sending", waiting.LastError);

        server.StallOnMailFrom = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(1, 0, 0), await TestMail.Dispatcher(outbox, smtp, clock).DispatchDueAsync(None));
        Assert.Equal(message.MessageId, Assert.Single(server.Received).MessageId);
    }

    [Theory]
    [InlineData("A94A8FE5CCB19BA61C4C0873D391E987982FBBD3")] // SHA-1: a thumbprint as Windows shows it, which would never match
    [InlineData("not a fingerprint")]
    public void A_trusted_certificate_entry_that_is_not_a_SHA_256_fingerprint_is_refused_at_start(string entry)
    {
        var options = TestMail.Options(new SmtpOptions { Host = "relay.example.jp", TrustedCertificateThumbprints = [entry] });

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Equal($"Mail:Smtp:TrustedCertificateThumbprints: '{entry}' is not a SHA-256 fingerprint (64 hex digits).", error.Message);
    }

    private static SmtpOptions Secured(InProcessSmtpServer server, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        server.ClientOptions with
        {
            Security = SmtpSecurity.StartTls,
            TrustedCertificateThumbprints = [TestCertificates.Fingerprint(certificate)],
            User = User,
            Password = Password,
        };

    /// <summary>Accepts TCP connections and never says a word: a relay hung before its greeting.</summary>
    private sealed class SilentRelay : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _held = [];
        private readonly CancellationTokenSource _stop = new();
        private int _accepted;

        public SilentRelay()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public int Accepted => Volatile.Read(ref _accepted);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                foreach (var socket in _held)
                    socket.Dispose();
            }
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_held)
                        _held.Add(socket);
                    Interlocked.Increment(ref _accepted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps what it receives, parsed back
/// with MimeKit. It can be created without listening, so a test can start it after the dispatcher
/// has found the port closed; addresses in <see cref="RejectedRecipients"/> get a 550.
/// With a <see cref="Certificate"/> it offers STARTTLS (or speaks TLS from the start with <see cref="ImplicitTls"/>);
/// with a <see cref="Login"/> it requires AUTH, which it offers only once the connection is encrypted.
/// </summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    public const string RejectionReason = "no such user here";
    public const string TlsRequiredReason = "5.7.0 Must issue a STARTTLS command first";

    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private CancellationTokenSource? _stop;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    /// <param name="port">A port to listen on, such as one a test freed; by default a free one.</param>
    public InProcessSmtpServer(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }

    public X509Certificate2? Certificate { get; init; }

    /// <summary>TLS from the first byte (port 465 style) instead of STARTTLS; needs <see cref="Certificate"/>.</summary>
    public bool ImplicitTls { get; init; }

    /// <summary>The only credentials accepted; when set, MAIL FROM before AUTH gets 530.</summary>
    public (string User, string Password)? Login { get; init; }

    /// <summary>MAIL FROM on an unencrypted connection gets 530 <see cref="TlsRequiredReason"/>, as Postfix says it.</summary>
    public bool RequireTls { get; init; }

    /// <summary>While true, MAIL FROM is never answered: a relay that hangs mid-session.</summary>
    public volatile bool StallOnMailFrom;

    public ConcurrentDictionary<string, bool> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<MimeMessage> Received => _arrivals.Select(a => a.Message).ToArray();

    /// <summary>Each received message with how its session was: encrypted or not, and the user it authenticated as.</summary>
    public IReadOnlyList<Arrival> Arrivals => _arrivals.ToArray();

    public SmtpOptions ClientOptions => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Security = SmtpSecurity.None,
        Timeout = TimeSpan.FromSeconds(20),
    };

    public static async Task<InProcessSmtpServer> StartedAsync()
    {
        var server = new InProcessSmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(ImplicitTls)
                    .AuthenticationRequired(Login is not null).AllowUnsecureAuthentication(false);
                if (Certificate is not null)
                    b.Certificate(Certificate);
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_arrivals));
        services.Add(new Filter(this));
        if (Login is { } login)
            services.Add(new DelegatingUserAuthenticator((user, password) => user == login.User && password == login.Password));
        _stop = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null)
            return;
        await _stop.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        // StartAsync returns its run loop, not a readiness signal; poll the port until it answers.
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (i < 200)
            {
                await Task.Delay(10);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Arrival(MimeMessage Message, bool Encrypted, string? User);

    private sealed class Store(ConcurrentQueue<Arrival> arrivals) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            arrivals.Enqueue(new Arrival(message, context.Pipe.IsSecure, context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(InProcessSmtpServer server) : IMailboxFilter
    {
        public async Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            if (server.StallOnMailFrom)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            if (server.RequireTls && !context.Pipe.IsSecure)
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.AuthenticationRequired, TlsRequiredReason));
            return true;
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (server.RejectedRecipients.ContainsKey($"{to.User}@{to.Host}"))
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, RejectionReason));
            return Task.FromResult(true);
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps what it receives, parsed back
/// with MimeKit. It can be created without listening, so a test can start it after the dispatcher
/// has found the port closed; addresses in <see cref="RejectedRecipients"/> get a 550.
/// </summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    public const string RejectionReason = "no such user here";

    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _stop;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public InProcessSmtpServer() => Port = FreePort();

    public int Port { get; }

    public ConcurrentDictionary<string, bool> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<MimeMessage> Received => _received.ToArray();

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
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new Filter(RejectedRecipients));
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

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, bool> rejected) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (rejected.ContainsKey($"{to.User}@{to.Host}"))
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, RejectionReason));
            return Task.FromResult(true);
        }
    }
}

using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Runtime.Mail;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// Outbox dispatch to an in-process SMTP server, each message carrying a 50 KB .docx letter:
/// enqueue N, then time DispatchDueAsync until every one is sent. Args: [messages] (default 2000).
/// </summary>
public sealed class MailBenchmark : IBenchmark
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string Name => "mail";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var letter = Docx(50 * 1024);
        var port = FreePort();
        var received = new Counter();
        using var stop = new CancellationTokenSource();
        var services = new ServiceProvider();
        services.Add(received);
        services.Add(new NoDelayListenerFactory());
        var server = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(),
            services);
        var serving = server.StartAsync(stop.Token);

        var time = TimeProvider.System;
        var options = new MailOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None },
            FromAddress = "office@jcstar.bench",
            BatchSize = 100,
        };
        var documents = new InMemoryAttachmentSource();
        documents.Add("letter", new MailAttachment("適合ラベル付与通知書.docx", DocxType, letter));
        var outbox = new InMemoryOutbox();
        for (var i = 0; i < count; i++)
        {
            var key = $"bench/{i}";
            await outbox.EnqueueAsync(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                IdempotencyKey = key,
                InstanceId = $"case-{i}",
                ElementId = "notifyGrant",
                MessageId = OutboxMessage.MessageIdFor(key, options.EffectiveMessageIdDomain),
                From = new Mailbox(options.FromAddress, "JC-STAR 事務局"),
                To = [new Mailbox($"applicant{i}@example.jp", "山田 太郎")],
                Subject = $"【JC-STAR】適合ラベル付与のお知らせ（{i}）",
                TextBody = "審査の結果、適合ラベルを付与いたします。",
                Attachments = [new AttachmentRef("letter")],
                NextAttemptAt = time.GetUtcNow(),
                CreatedAt = time.GetUtcNow(),
            }, CancellationToken.None);
        }
        await WaitUntilListeningAsync(port);

        var dispatcher = new MailDispatcher(outbox, new SmtpMailTransport(options.Smtp, "jcstar.bench"), documents, options, time);
        var clock = Stopwatch.StartNew();
        var summary = await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Stop();

        await stop.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }

        if (summary.Sent != count || received.Messages != count)
        {
            Console.Error.WriteLine($"mail: sent {summary.Sent}, server received {received.Messages}, expected {count}");
            return 1;
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            area = "mail",
            messages = count,
            attachmentBytes = letter.Length,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            messagesPerSec = Math.Round(count / clock.Elapsed.TotalSeconds, 1),
        }));
        return 0;
    }

    /// <summary>A real zip with the parts of a Word document, stored uncompressed with deterministic text so it is exactly as large as asked, run after run.</summary>
    private static byte[] Docx(int size)
    {
        const string words = "申請者は適合基準に従い製品のセキュリティ要件を満たすことを確認した。";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            var body = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
            for (var i = 0; Encoding.UTF8.GetByteCount(body.ToString()) < size - 1024; i++)
                body.Append($"<w:p><w:r><w:t>{i}: {words}</w:t></w:r></w:p>");
            body.Append("</w:body></w:document>");
            Write(zip, "word/document.xml", body.ToString());
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilListeningAsync(int port)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (i < 500)
            {
                await Task.Delay(10);
            }
        }
    }

    private sealed class Counter : MessageStore
    {
        private int _messages;

        public int Messages => Volatile.Read(ref _messages);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _messages);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>
    /// SmtpServer writes each pipelined reply (250, 250, 354) separately; with Nagle on, the second waits for
    /// the client's delayed ACK, ~40 ms per message, and the benchmark would measure that instead of us.
    /// </summary>
    private sealed class NoDelayListenerFactory : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The plain-TCP pipe SmtpServer would build itself (its own type is internal); no STARTTLS in the benchmark.</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);

        public PipeWriter Output => field ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the benchmark speaks plain SMTP");

        public void Dispose() => client.Dispose();
    }
}

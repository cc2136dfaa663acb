using System.Text;
using System.Text.Json;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Testing;
using MimeKit;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

public sealed class JapaneseMailTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task A_Japanese_subject_body_display_names_and_attachment_arrive_intact_over_SMTP()
    {
        await using var server = await InProcessSmtpServer.StartedAsync();
        var clock = TestMail.Clock();
        var options = TestMail.Options(server.ClientOptions) with
        {
            TemplateFolder = RepositoryPaths.InRepo("templates", "mail"),
            StrictTemplateVariables = true,
        };
        var outbox = new InMemoryOutbox();
        var documents = new InMemoryAttachmentSource();
        var letter = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 251)).ToArray();
        const string fileName = "適合ラベル付与通知書（JCS-2025-000123）.docx";
        documents.Add("doc-1", new MailAttachment(fileName, DocxType, letter));

        var activity = new SendMailActivity(new MailTemplateLibrary(options, clock), outbox, options, clock);
        var example = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("templates", "mail", "label-granted", "example.json")));
        var inputs = new Dictionary<string, JsonElement>
        {
            ["template"] = Json("\"label-granted\""),
            ["to"] = Json("\"山田 太郎 <taro@example.jp>\""),
            ["cc"] = Json("""[{ "address": "hanako@example.jp", "name": "佐藤 花子" }]"""),
            ["attachments"] = Json("[\"doc-1\"]"),
            ["variables"] = example.RootElement,
        };
        var queued = await activity.ExecuteAsync(new SendMailRequest("job-grant-1", "case-1", "JCS-2025-000123", "notifyGrant", inputs), TestContext.Current.CancellationToken);

        var summary = await TestMail.Dispatcher(outbox, server.ClientOptions, clock, documents, options).DispatchDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DispatchSummary(1, 0, 0), summary);
        var received = Assert.Single(server.Received);
        Assert.Equal("【JC-STAR】適合ラベル交付のお知らせ（登録番号: JC-2026-000123）", received.Subject);
        Assert.Equal(queued.Subject, received.Subject);
        Assert.Equal(queued.MessageId, received.MessageId);
        Assert.Equal("JC-STAR 事務局", Assert.Single(received.From.Mailboxes).Name);
        Assert.Equal("山田 太郎", Assert.Single(received.To.Mailboxes).Name);
        Assert.Equal("佐藤 花子", Assert.Single(received.Cc.Mailboxes).Name);
        Assert.Contains("適合ラベルを交付いたします", received.TextBody);
        Assert.Contains("株式会社サンプル電機", received.TextBody);
        Assert.Contains("有効期限: 2029年1月14日", received.TextBody);
        Assert.Contains("<td>JC-2026-000123</td>", received.HtmlBody);

        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal(fileName, attachment.FileName);
        Assert.Equal(DocxType, attachment.ContentType.MimeType);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        Assert.Equal(letter, bytes.ToArray());

        // The wire form must be 7-bit headers: RFC 2047 words for the subject and names, RFC 2231 for the file name.
        using var raw = new MemoryStream();
        await received.WriteToAsync(raw, TestContext.Current.CancellationToken);
        var headers = Encoding.ASCII.GetString(raw.ToArray());
        Assert.Contains("Subject: =?utf-8?", headers);
        Assert.Matches("filename\\*(0\\*)?=utf-8''", headers);
        Assert.True(received.Headers.All(h => h.RawValue.All(b => b < 128)), "a header left the 7-bit range");
        Assert.Equal(OutboxStatus.Sent, (await outbox.FindAsync(queued.Id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task The_eml_file_written_without_an_SMTP_host_parses_back_with_the_Japanese_subject()
    {
        var folder = Directory.CreateTempSubdirectory("jcstar-eml-").FullName;
        try
        {
            var clock = TestMail.Clock();
            var options = TestMail.Options(new SmtpOptions()) with { OutboxFolder = folder };
            var outbox = new InMemoryOutbox();
            var message = await outbox.EnqueueAsync(TestMail.Message("job-eml", clock.GetUtcNow()) with { Subject = "【JC-STAR】申請受付のお知らせ（受付番号: JCS-2025-000123）" }, TestContext.Current.CancellationToken);
            var transport = MailTransport.FromOptions(options);
            Assert.IsType<EmlFileMailTransport>(transport);

            var dispatcher = new MailDispatcher(outbox, transport, new InMemoryAttachmentSource(), options, clock);
            await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Matches(@"^20250401-000000-[0-9a-f]{16}\.eml$", Path.GetFileName(file));
            var parsed = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            Assert.Equal(message.Subject, parsed.Subject);
            Assert.Equal("山田 太郎", Assert.Single(parsed.To.Mailboxes).Name);
            Assert.Equal(message.MessageId, parsed.MessageId);
            Assert.Equal("本文です。job-eml", parsed.TextBody);
            Assert.Equal(OutboxStatus.Sent, (await outbox.FindAsync(message.Id, TestContext.Current.CancellationToken))!.Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}

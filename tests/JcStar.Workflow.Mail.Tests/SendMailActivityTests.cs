using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Mail.Tests;

public sealed class SendMailActivityTests
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public void Composing_twice_for_one_job_gives_one_message_and_another_job_another()
    {
        var (activity, _, _) = Activity();
        var inputs = Inputs("""{ "template": "application-accepted", "to": "taro@example.jp" }""");

        var first = activity.Compose(new SendMailRequest("job-1", "case-1", "JCS-2025-000123", "notifyAcceptance", inputs));
        var again = activity.Compose(new SendMailRequest("job-1", "case-1", "JCS-2025-000123", "notifyAcceptance", inputs));
        var next = activity.Compose(new SendMailRequest("job-2", "case-1", "JCS-2025-000123", "notifyAcceptance", inputs));

        Assert.Equal((first.Id, first.IdempotencyKey, first.MessageId), (again.Id, again.IdempotencyKey, again.MessageId));
        Assert.Equal("job-1", first.IdempotencyKey);
        Assert.NotEqual(first.Id, next.Id);
        Assert.NotEqual(first.MessageId, next.MessageId);
    }

    [Fact]
    public async Task The_workflow_handler_returns_the_message_with_its_result_and_queues_nothing_itself()
    {
        var (activity, outbox, _) = Activity();
        var handler = new MailSendActivityHandler(activity);
        var inputs = Inputs("""{ "template": "application-accepted", "to": "山田 太郎 <taro@example.jp>" }""").ToImmutableDictionary();
        var context = new ActivityContext("case-1", "JCS-2025-000123", "Application", "Application:1", "notifyAcceptance", "case-1/job-7", 1, TestMail.Clock().GetUtcNow());

        var result = await handler.ExecuteAsync(inputs, context, None);

        // Queued only when the runtime commits the step; a handler that enqueued here would mail for a step that may never commit.
        Assert.Empty(await outbox.ListByInstanceAsync("case-1", None));
        var message = Assert.Single(result.OutboxMessages);
        Assert.False(result.IsBpmnError);
        Assert.Equal(
            ("case-1/job-7", "case-1", "JCS-2025-000123", "notifyAcceptance", "application-accepted"),
            (message.IdempotencyKey, message.InstanceId, message.BusinessKey, message.ElementId, message.TemplateName));
        Assert.Equal([new Mailbox("taro@example.jp", "山田 太郎")], message.To);
        Assert.Equal(message.MessageId, result.Outputs["messageId"].GetString());
        Assert.Equal(message.Id.ToString(), result.Outputs["outboxId"].GetString());
        Assert.Equal(OutboxMessage.IdFor("case-1/job-7"), message.Id);
    }

    [Fact]
    public async Task Outside_a_workflow_the_activity_still_queues_at_once_and_once_per_key()
    {
        var (activity, outbox, _) = Activity();
        var inputs = Inputs("""{ "template": "application-accepted", "to": "taro@example.jp" }""");

        var first = await activity.ExecuteAsync(new SendMailRequest("job-1", "case-1", null, "notifyAcceptance", inputs), None);
        var again = await activity.ExecuteAsync(new SendMailRequest("job-1", "case-1", null, "notifyAcceptance", inputs), None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, Assert.Single(await outbox.ListByInstanceAsync("case-1", None)).Id);
    }

    [Fact]
    public void Recipients_may_be_a_comma_separated_string_an_array_of_strings_or_address_objects()
    {
        var (activity, _, options) = Activity();
        var inputs = Inputs("""
            {
              "template": "application-accepted",
              "to": "山田 太郎 <taro@example.jp>, jiro@example.jp",
              "cc": ["佐藤 花子 <hanako@example.jp>"],
              "bcc": [{ "address": "audit@example.jp", "name": "監査担当" }],
              "replyTo": "窓口 <desk@example.jp>",
              "attachments": "doc-9"
            }
            """);

        var message = activity.Compose(new SendMailRequest("job-1", "case-1", null, "notifyAcceptance", inputs));

        Assert.Equal([new Mailbox("taro@example.jp", "山田 太郎"), new Mailbox("jiro@example.jp")], message.To);
        Assert.Equal([new Mailbox("hanako@example.jp", "佐藤 花子")], message.Cc);
        Assert.Equal([new Mailbox("audit@example.jp", "監査担当")], message.Bcc);
        Assert.Equal([new Mailbox("desk@example.jp", "窓口")], message.ReplyTo);
        Assert.Equal([new AttachmentRef("doc-9")], message.Attachments);
        Assert.Equal(new Mailbox(options.FromAddress, options.FromDisplayName), message.From);
        Assert.Equal(OutboxMessage.MessageIdFor("job-1", TestMail.Domain), message.MessageId);
        Assert.Equal((OutboxStatus.Queued, 0), (message.Status, message.Attempts));
        Assert.Equal("【JC-STAR】申請受理のお知らせ（申請番号: JC-A-2026-000123）", message.Subject);
    }

    [Fact]
    public async Task A_mail_without_any_recipient_is_refused_and_nothing_is_enqueued()
    {
        var (activity, outbox, _) = Activity();
        var request = new SendMailRequest("job-1", "case-1", null, "notify", Inputs("""{ "template": "application-accepted", "to": [] }"""));

        var refused = Assert.Throws<ArgumentException>(() => activity.Compose(request));
        await Assert.ThrowsAsync<ArgumentException>(() => activity.ExecuteAsync(request, None));

        Assert.Contains("no recipient", refused.Message);
        Assert.Empty(await outbox.ListByInstanceAsync("case-1", None));
    }

    private static (SendMailActivity Activity, InMemoryOutbox Outbox, MailOptions Options) Activity()
    {
        var clock = TestMail.Clock();
        var options = TestMail.Options(new SmtpOptions()) with { TemplateFolder = RepositoryPaths.InRepo("templates", "mail") };
        var outbox = new InMemoryOutbox();
        return (new SendMailActivity(new MailTemplateLibrary(options, clock), outbox, options, clock), outbox, options);
    }

    /// <summary>The activity's inputs plus the acceptance notice's example data, as the engine would pass all visible variables.</summary>
    private static Dictionary<string, JsonElement> Inputs(string json)
    {
        var inputs = JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        using var example = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("templates", "mail", "application-accepted", "example.json")));
        foreach (var property in example.RootElement.EnumerateObject())
            inputs[property.Name] = property.Value.Clone();
        return inputs;
    }
}

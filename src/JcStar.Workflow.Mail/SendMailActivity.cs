using System.Text.Json;
using JcStar.Workflow.Runtime.Mail;
using MimeKit;

namespace JcStar.Workflow.Mail;

/// <summary>
/// The send-mail activity: renders a notice from its Liquid template into an outbox message.
/// It neither sends nor stores anything: <see cref="MailSendActivityHandler"/> returns the message in
/// its result, the runtime queues it in the transaction that commits the step, and the dispatcher delivers it.
/// </summary>
/// <remarks>
/// Inputs (already evaluated by the engine): <c>template</c> (a folder under templates/mail);
/// <c>to</c>, <c>cc</c>, <c>bcc</c>, <c>replyTo</c> (a string such as <c>"山田 太郎 &lt;taro@example.jp&gt;, b@example.jp"</c>,
/// or an array of such strings or of <c>{ "address", "name" }</c>); <c>attachments</c> (a document id or an array of them);
/// <c>variables</c> (an object the template sees; when absent the template sees every input).
/// </remarks>
public sealed class SendMailActivity(MailTemplateLibrary templates, MailOptions options, TimeProvider time)
{
    /// <summary>The activity name a BPMN service or send task refers to.</summary>
    public const string ActivityName = "sendMail";

    private readonly IOutbox? _outbox;

    /// <summary>For mail outside any workflow step (<see cref="ExecuteAsync"/>); the workflow handler needs no outbox.</summary>
    public SendMailActivity(MailTemplateLibrary templates, IOutbox outbox, MailOptions options, TimeProvider time)
        : this(templates, options, time) => _outbox = outbox;

    /// <summary>
    /// Composes and at once queues the message in the outbox given to the constructor, in a transaction of
    /// its own: for tools and tests only. A workflow step uses <see cref="Compose"/> and returns the
    /// message with its result, so the mail is queued only if the step commits.
    /// </summary>
    public Task<OutboxMessage> ExecuteAsync(SendMailRequest request, CancellationToken cancellationToken) =>
        (_outbox ?? throw new InvalidOperationException("this send-mail activity has no outbox to queue in; a workflow step returns Compose's message in its result instead"))
            .EnqueueAsync(Compose(request), cancellationToken);

    /// <summary>
    /// The message the request asks for, queued and due now. Its <see cref="OutboxMessage.Id"/>,
    /// idempotency key and Message-Id derive from the job id, so a job that runs twice composes the same message.
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing or malformed, or there is no recipient.</exception>
    public OutboxMessage Compose(SendMailRequest request)
    {
        var inputs = request.Inputs;
        var templateName = RequiredString(inputs, "template");
        var variables = inputs.TryGetValue("variables", out var v) && v.ValueKind == JsonValueKind.Object
            ? v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
            : inputs;

        var to = Mailboxes(inputs, "to");
        var cc = Mailboxes(inputs, "cc");
        var bcc = Mailboxes(inputs, "bcc");
        if (to.Count + cc.Count + bcc.Count == 0)
            throw new ArgumentException($"send-mail at {request.ElementId}: no recipient in to, cc or bcc");

        var rendered = templates.Render(templateName, variables);
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            Id = OutboxMessage.IdFor(request.JobId),
            IdempotencyKey = request.JobId,
            InstanceId = request.InstanceId,
            BusinessKey = request.BusinessKey,
            ElementId = request.ElementId,
            TemplateName = templateName,
            MessageId = OutboxMessage.MessageIdFor(request.JobId, options.EffectiveMessageIdDomain),
            From = new Mailbox(options.FromAddress, options.FromDisplayName),
            To = to,
            Cc = cc,
            Bcc = bcc,
            ReplyTo = Mailboxes(inputs, "replyTo"),
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            Attachments = Strings(inputs, "attachments").Select(id => new AttachmentRef(id)).ToList(),
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    private static string RequiredString(IReadOnlyDictionary<string, JsonElement> inputs, string name) =>
        inputs.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw new ArgumentException($"send-mail input '{name}' must be a non-empty string");

    private static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, JsonElement> inputs, string name)
    {
        if (!inputs.TryGetValue(name, out var value))
            return [];
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => [],
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : throw new ArgumentException($"send-mail input '{name}' must hold strings")).ToList(),
            _ => throw new ArgumentException($"send-mail input '{name}' must be a string or an array of strings"),
        };
    }

    private static IReadOnlyList<Mailbox> Mailboxes(IReadOnlyDictionary<string, JsonElement> inputs, string name)
    {
        if (!inputs.TryGetValue(name, out var value))
            return [];
        IEnumerable<JsonElement> items = value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => [],
            JsonValueKind.Array => value.EnumerateArray(),
            _ => [value],
        };
        return items.SelectMany(item => item.ValueKind switch
        {
            JsonValueKind.String => Parse(item.GetString()!, name),
            JsonValueKind.Object when item.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.String =>
                Parse(a.GetString()!, name).Select(m => m with
                {
                    DisplayName = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : m.DisplayName,
                }),
            _ => throw new ArgumentException($"send-mail input '{name}' holds something that is not an address"),
        }).ToList();
    }

    /// <summary>One or more RFC 5322 addresses, display names in any script.</summary>
    private static IEnumerable<Mailbox> Parse(string text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        if (!InternetAddressList.TryParse(text, out var list))
            throw new ArgumentException($"send-mail input '{name}': '{text}' is not a list of mail addresses");
        return list.Mailboxes.Select(m => new Mailbox(m.Address, string.IsNullOrEmpty(m.Name) ? null : m.Name)).ToList();
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Mail;

/// <summary>
/// <c>mail.send</c>: binds <see cref="SendMailActivity"/> to the runtime. The job's idempotency key is the
/// outbox key, so a job that runs twice (a crash before its completion committed) queues one message.
/// Outputs: <c>messageId</c> (the Message-Id header) and <c>outboxId</c>.
/// </summary>
public sealed class MailSendActivityHandler(SendMailActivity activity) : IActivityHandler
{
    public const string ActivityName = "mail.send";

    public string Name => ActivityName;

    public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        var message = await activity.ExecuteAsync(new SendMailRequest(context.IdempotencyKey, context.InstanceId, context.BusinessKey, context.ElementId, inputs), cancellationToken);
        return ActivityResult.Completed(ImmutableDictionary<string, JsonElement>.Empty
            .Add("messageId", JsonSerializer.SerializeToElement(message.MessageId))
            .Add("outboxId", JsonSerializer.SerializeToElement(message.Id.ToString())));
    }
}

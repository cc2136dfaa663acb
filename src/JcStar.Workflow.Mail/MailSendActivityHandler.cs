using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Mail;

/// <summary>
/// <c>mail.send</c>: binds <see cref="SendMailActivity"/> to the runtime. The composed message travels in
/// the result and is queued in the same transaction as the step, so mail goes out only for a step that
/// committed. The job's idempotency key is the outbox key, so a job that runs twice (a crash before its
/// completion committed, a second node) queues one message.
/// Outputs: <c>messageId</c> (the Message-Id header) and <c>outboxId</c>.
/// </summary>
public sealed class MailSendActivityHandler(SendMailActivity activity) : IActivityHandler
{
    public const string ActivityName = "mail.send";

    public string Name => ActivityName;

    public Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        var message = activity.Compose(new SendMailRequest(context.IdempotencyKey, context.InstanceId, context.BusinessKey, context.ElementId, inputs));
        return Task.FromResult(ActivityResult.Completed(ImmutableDictionary<string, JsonElement>.Empty
                .Add("messageId", JsonSerializer.SerializeToElement(message.MessageId))
                .Add("outboxId", JsonSerializer.SerializeToElement(message.Id.ToString())))
            .WithOutboxMessage(message));
    }
}

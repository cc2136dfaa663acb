using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// What a handler answers: outputs, or a BPMN error that the model may catch with an error boundary
/// event. A technical failure is an exception instead: the runtime retries it and, after the last
/// retry, raises an incident.
/// </summary>
/// <remarks>
/// Mail the step asks for travels in <see cref="OutboxMessages"/>: the runtime records it in the same
/// transaction as the step's commit, so it goes out if and only if the step is committed. A handler
/// never writes to the outbox itself.
/// </remarks>
public sealed record ActivityResult
{
    public ImmutableDictionary<string, JsonElement> Outputs { get; private init; } = ImmutableDictionary<string, JsonElement>.Empty;
    public string? ErrorCode { get; private init; }
    public string? ErrorMessage { get; private init; }

    /// <summary>
    /// Messages to record with the step, each unique by its <see cref="OutboxMessage.IdempotencyKey"/>
    /// (derive it from <see cref="ActivityContext.IdempotencyKey"/>): a job that runs twice records each once.
    /// </summary>
    public ImmutableList<OutboxMessage> OutboxMessages { get; private init; } = [];

    public bool IsBpmnError => ErrorCode is not null;

    /// <summary>This result, with <paramref name="message"/> to be queued in the outbox when the step commits.</summary>
    public ActivityResult WithOutboxMessage(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return this with { OutboxMessages = OutboxMessages.Add(message) };
    }

    public static ActivityResult Completed(ImmutableDictionary<string, JsonElement>? outputs = null) =>
        new() { Outputs = outputs ?? ImmutableDictionary<string, JsonElement>.Empty };

    public static ActivityResult BpmnError(string errorCode, string message) =>
        new() { ErrorCode = errorCode, ErrorMessage = message };
}

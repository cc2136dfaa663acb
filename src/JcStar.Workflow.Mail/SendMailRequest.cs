using System.Text.Json;

namespace JcStar.Workflow.Mail;

/// <summary>
/// What the runtime passes when the engine invokes the send-mail activity: the engine's job id
/// (the idempotency key), where in which case it was asked, and the activity's evaluated inputs.
/// </summary>
public sealed record SendMailRequest(
    string JobId,
    string InstanceId,
    string? BusinessKey,
    string ElementId,
    IReadOnlyDictionary<string, JsonElement> Inputs);

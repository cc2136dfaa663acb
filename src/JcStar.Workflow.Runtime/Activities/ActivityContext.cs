namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// Where an activity runs. <see cref="IdempotencyKey"/> is stable across retries and crashes: a handler
/// with an outside effect (mail, document, registry entry) uses it to do that effect once.
/// </summary>
public sealed record ActivityContext(
    string InstanceId,
    string? BusinessKey,
    string ProcessId,
    string DefinitionId,
    string ElementId,
    string IdempotencyKey,
    int Attempt,
    DateTimeOffset Now);

namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// Durable work an instance asked for, committed with the step that asked. Its status decides
/// whether a run does anything: running a job that is no longer pending is a no-op, which makes
/// every delivery of the wake-up idempotent.
/// </summary>
public sealed record ActivityJob
{
    public required string Id { get; init; }

    /// <summary>The engine's job id (activities only); the engine's idempotency key.</summary>
    public string? EngineJobId { get; init; }
    public required string InstanceId { get; init; }
    public required JobKind Kind { get; init; }
    public required string ElementId { get; init; }
    public string? ElementType { get; init; }

    /// <summary>The activity, message or signal name.</summary>
    public required string Name { get; init; }
    public string? CorrelationKey { get; init; }

    /// <summary>Inputs (activity) or payload (message, signal) as a JSON object.</summary>
    public required string InputsJson { get; init; }
    public bool IsAsync { get; init; }
    public required int MaxRetries { get; init; }

    /// <summary>Runs begun; a lease counts as one.</summary>
    public int Attempts { get; init; }
    public required JobStatus Status { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}

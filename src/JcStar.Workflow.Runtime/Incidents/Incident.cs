namespace JcStar.Workflow.Runtime.Incidents;

/// <summary>Execution stopped where staff must look; retrying it asks the engine to try the element again.</summary>
public sealed record Incident
{
    public required string Id { get; init; }
    public required string EngineIncidentId { get; init; }
    public required string InstanceId { get; init; }
    public required string ElementId { get; init; }

    /// <summary>The job whose last retry failed, when a job caused it.</summary>
    public string? JobId { get; init; }
    public required string Message { get; init; }
    public required IncidentStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
}

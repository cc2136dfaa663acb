using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>
/// The stored instance: the engine's state as JSON plus the columns queries need. <see cref="Version"/>
/// is the optimistic concurrency token: every commit writes Version + 1 only where the row still has Version.
/// </summary>
public sealed record WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string ProcessId { get; init; }
    public required int DefinitionVersion { get; init; }
    public string? BusinessKey { get; init; }
    public required InstanceStatus Status { get; init; }
    public required string StateJson { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string? StartedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    public bool HasEnded => Status != InstanceStatus.Waiting;
}

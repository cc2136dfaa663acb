namespace JcStar.Workflow.Engine;

/// <summary>
/// Everything about one process instance between two commands: tokens, scopes, variables, open
/// waits. Immutable; serialized with <see cref="InstanceStateSerializer"/>.
/// </summary>
public sealed record InstanceState
{
    public required string InstanceId { get; init; }
    public required string ProcessId { get; init; }
    public string? BusinessKey { get; init; }
    public InstanceStatus Status { get; init; }
}

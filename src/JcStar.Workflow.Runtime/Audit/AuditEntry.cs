namespace JcStar.Workflow.Runtime.Audit;

/// <summary>One line of the append-only history: who did what, when, to which instance and element.</summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the store; 0 before it is written.</summary>
    public long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? InstanceId { get; init; }
    public string? ElementId { get; init; }

    /// <summary>Details as a JSON object (task id, variables, error message, …).</summary>
    public string? DataJson { get; init; }
}

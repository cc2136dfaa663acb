namespace JcStar.Workflow.Persistence.Rows;

public sealed class InstanceRow
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string ProcessId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public int Status { get; set; }
    public string StateJson { get; set; } = "";

    /// <summary>Optimistic concurrency token, incremented by the runtime on every commit (portable to every provider, unlike rowversion/xmin).</summary>
    public int Version { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? StartedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

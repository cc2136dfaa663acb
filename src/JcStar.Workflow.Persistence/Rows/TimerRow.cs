namespace JcStar.Workflow.Persistence.Rows;

public sealed class TimerRow
{
    public string Id { get; set; } = "";
    public string EngineTimerId { get; set; } = "";
    public string? InstanceId { get; set; }
    public string ElementId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public int Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public string? DefinitionId { get; set; }
    public string? ProcessId { get; set; }
    public int Occurrence { get; set; }
    public DateTimeOffset? ArmedAt { get; set; }
}

namespace JcStar.Workflow.Persistence.Rows;

public sealed class IncidentRow
{
    public string Id { get; set; } = "";
    public string EngineIncidentId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ElementId { get; set; } = "";
    public string? JobId { get; set; }
    public string Message { get; set; } = "";
    public int Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

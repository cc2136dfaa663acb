namespace JcStar.Workflow.Persistence.Rows;

/// <summary>Append-only: the stores insert these and never update or delete one.</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? InstanceId { get; set; }
    public string? ElementId { get; set; }
    public string? DataJson { get; set; }
}

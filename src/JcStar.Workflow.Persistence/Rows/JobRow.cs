namespace JcStar.Workflow.Persistence.Rows;

public sealed class JobRow
{
    public string Id { get; set; } = "";
    public string? EngineJobId { get; set; }
    public string InstanceId { get; set; } = "";
    public int Kind { get; set; }
    public string ElementId { get; set; } = "";
    public string? ElementType { get; set; }
    public string Name { get; set; } = "";
    public string? CorrelationKey { get; set; }
    public string InputsJson { get; set; } = "{}";
    public bool IsAsync { get; set; }
    public int MaxRetries { get; set; }
    public int Attempts { get; set; }
    public int Status { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

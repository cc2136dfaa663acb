namespace JcStar.Workflow.Persistence.Rows;

public sealed class SignalSubscriptionRow
{
    public string Id { get; set; } = "";
    public string EngineSubscriptionId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ElementId { get; set; } = "";
    public string SignalName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

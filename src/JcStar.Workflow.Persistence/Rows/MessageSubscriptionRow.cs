namespace JcStar.Workflow.Persistence.Rows;

public sealed class MessageSubscriptionRow
{
    public string Id { get; set; } = "";
    public string EngineSubscriptionId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ElementId { get; set; } = "";
    public string MessageName { get; set; } = "";
    public string? CorrelationKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

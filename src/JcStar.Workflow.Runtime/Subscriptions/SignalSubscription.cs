namespace JcStar.Workflow.Runtime.Subscriptions;

public sealed record SignalSubscription
{
    public required string Id { get; init; }
    public required string EngineSubscriptionId { get; init; }
    public required string InstanceId { get; init; }
    public required string ElementId { get; init; }
    public required string SignalName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

namespace JcStar.Workflow.Runtime.Subscriptions;

public sealed record MessageSubscription
{
    public required string Id { get; init; }
    public required string EngineSubscriptionId { get; init; }
    public required string InstanceId { get; init; }
    public required string ElementId { get; init; }
    public required string MessageName { get; init; }
    public string? CorrelationKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

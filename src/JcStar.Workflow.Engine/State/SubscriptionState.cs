namespace JcStar.Workflow.Engine;

/// <summary>An open message or signal subscription owned by an element instance; <see cref="ElementId"/> is the catching event or receive task.</summary>
public sealed record SubscriptionState
{
    public int Id { get; init; }
    public int Owner { get; init; }
    public required string ElementId { get; init; }
    public SubscriptionKind Kind { get; init; }
    public required string Name { get; init; }
    public string? CorrelationKey { get; init; }
}

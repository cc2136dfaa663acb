namespace JcStar.Workflow.Runtime.Subscriptions;

public interface ISubscriptionStore
{
    /// <summary>Subscriptions for the message whose key equals <paramref name="correlationKey"/> (null matches subscriptions without a key).</summary>
    Task<IReadOnlyList<MessageSubscription>> FindMessageSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<SignalSubscription>> FindSignalSubscriptionsAsync(string signalName, CancellationToken cancellationToken);
}

using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfSubscriptionStore(IDbContextFactory<WorkflowDbContext> factory) : ISubscriptionStore
{
    public async Task<IReadOnlyList<MessageSubscription>> FindMessageSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MessageSubscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName && (correlationKey == null ? s.CorrelationKey == null : s.CorrelationKey == correlationKey))
            .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<SignalSubscription>> FindSignalSubscriptionsAsync(string signalName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SignalSubscriptions.AsNoTracking().Where(s => s.SignalName == signalName)
            .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }
}

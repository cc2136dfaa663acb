using System.Collections.Concurrent;

namespace JcStar.Workflow.Scheme.Complaints;

public sealed class InMemoryPublicComplaintStore : IPublicComplaintStore
{
    private readonly ConcurrentDictionary<Guid, PublicComplaint> complaints = new();
    private readonly Lock gate = new();

    public Task AddAsync(PublicComplaint complaint, CancellationToken cancellationToken)
    {
        if (!complaints.TryAdd(complaint.Id, complaint))
            throw new InvalidOperationException($"complaint {complaint.Id} already exists");
        return Task.CompletedTask;
    }

    public Task<PublicComplaint?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(complaints.Values.FirstOrDefault(c => c.TokenHash == tokenHash));

    public Task<bool> TryConfirmAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!complaints.TryGetValue(id, out var c) || c.ConfirmedAt is not null)
                return Task.FromResult(false);
            complaints[id] = c with { ConfirmedAt = at };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (complaints.TryGetValue(id, out var c) && c.InstanceId is null)
                complaints[id] = c with { ConfirmedAt = null };
        }
        return Task.CompletedTask;
    }

    public Task RecordCaseAsync(Guid id, string instanceId, string receiptNumber, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (complaints.TryGetValue(id, out var c))
                complaints[id] = c with { InstanceId = instanceId, ReceiptNumber = receiptNumber };
        }
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>The audit log as the stores keep it, recording the entries that belong to no instance (deployments, start timers) as they are appended.</summary>
public sealed class AppendedAudit(IAuditLog inner) : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _appended = new();

    public IReadOnlyList<AuditEntry> Appended => [.. _appended];

    public Task<IReadOnlyList<AuditEntry>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        inner.ListByInstanceAsync(instanceId, cancellationToken);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await inner.AppendAsync(entry, cancellationToken);
        _appended.Enqueue(entry);
    }
}

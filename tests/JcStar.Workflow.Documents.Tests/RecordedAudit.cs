using System.Collections.Concurrent;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Documents.Tests;

/// <summary>An audit log that keeps what it is given, to read back in a test.</summary>
public sealed class RecordedAudit : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _entries.Where(e => e.InstanceId == instanceId)]);
}

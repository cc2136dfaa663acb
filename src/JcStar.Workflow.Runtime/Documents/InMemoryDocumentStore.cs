using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace JcStar.Workflow.Runtime.Documents;

/// <summary>Keeps documents in memory: for tests and the embedded single-process mode.</summary>
public sealed class InMemoryDocumentStore(TimeProvider clock) : IDocumentStore
{
    private readonly ConcurrentDictionary<string, (CaseDocument Document, byte[] Content)> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CaseDocument> _bySourceKey = new(StringComparer.Ordinal);
    private readonly Lock _keyed = new();

    public Task<CaseDocument> SaveAsync(NewCaseDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (document.SourceKey is not { } key)
            return Task.FromResult(Store(document, content));
        lock (_keyed)
        {
            if (_bySourceKey.TryGetValue(key, out var existing))
                return Task.FromResult(existing);
            var stored = Store(document, content);
            _bySourceKey[key] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<CaseDocument?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_bySourceKey.TryGetValue(sourceKey, out var found) ? found : null);

    private CaseDocument Store(NewCaseDocument document, ReadOnlyMemory<byte> content)
    {
        var bytes = content.ToArray();
        var stored = new CaseDocument(
            Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
            document.InstanceId,
            document.BusinessKey,
            document.Name,
            document.TemplateName,
            document.TemplateContentHash,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            bytes.LongLength,
            document.ContentType,
            clock.GetUtcNow(),
            TemplateVersion: document.TemplateVersion);
        _documents[stored.Id] = (stored, bytes);
        return stored;
    }

    public Task<(CaseDocument Document, byte[] Content)?> OpenAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue(id, out var found) ? found : ((CaseDocument, byte[])?)null);

    public Task<CaseDocument?> RemoveContentAsync(string id, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        if (!_documents.TryGetValue(id, out var found))
            return Task.FromResult<CaseDocument?>(null);
        if (found.Document.ContentRemoved)
            return Task.FromResult<CaseDocument?>(found.Document);
        var removed = found.Document with { ContentRemovedAt = at, ContentRemovedReason = reason };
        _documents[id] = (removed, []);
        return Task.FromResult<CaseDocument?>(removed);
    }

    public Task<IReadOnlyList<CaseDocument>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseDocument>>(_documents.Values
            .Select(d => d.Document)
            .Where(d => d.InstanceId == instanceId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList());
}

namespace JcStar.Workflow.Runtime.Documents;

/// <summary>Keeps rendered documents of cases. Adapters: in memory (here), file system (Documents), EF (Persistence).</summary>
public interface IDocumentStore
{
    /// <summary>Stores the bytes; the store computes id, SHA-256, size and creation time.</summary>
    Task<CaseDocument> SaveAsync(NewCaseDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The document and its bytes, or null when there is none with that id.</summary>
    Task<(CaseDocument Document, byte[] Content)?> OpenAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Documents of one workflow instance, oldest first.</summary>
    Task<IReadOnlyList<CaseDocument>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}

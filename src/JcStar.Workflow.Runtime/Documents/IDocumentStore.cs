namespace JcStar.Workflow.Runtime.Documents;

/// <summary>Keeps rendered documents of cases. Adapters: in memory (here), file system (Documents), EF (Persistence).</summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores the bytes; the store computes id, SHA-256, size and creation time. When
    /// <see cref="NewCaseDocument.SourceKey"/> is set and a document with that key is already stored, returns
    /// that one and stores nothing, also when two saves with one key race: a job that runs again leaves one letter.
    /// </summary>
    Task<CaseDocument> SaveAsync(NewCaseDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The document stored with that <see cref="NewCaseDocument.SourceKey"/>, or null.</summary>
    Task<CaseDocument?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken = default);

    /// <summary>The document and its bytes, or null when there is none with that id.</summary>
    Task<(CaseDocument Document, byte[] Content)?> OpenAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the document's content (its bytes) and keeps its record: name, checksum, size, and when and why the
    /// content went (<see cref="CaseDocument.ContentRemovedAt"/>). Opening it afterwards gives the record and no bytes.
    /// Returns the updated record, or null when there is no document with that id; removing twice keeps the first time.
    /// </summary>
    Task<CaseDocument?> RemoveContentAsync(string id, DateTimeOffset at, string reason, CancellationToken cancellationToken = default);

    /// <summary>Documents of one workflow instance, oldest first.</summary>
    Task<IReadOnlyList<CaseDocument>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}

using System.Collections.Concurrent;

namespace JcStar.Workflow.Runtime.Mail;

/// <summary>Documents held in memory, for tests and the CLI.</summary>
public sealed class InMemoryAttachmentSource : IAttachmentSource
{
    private readonly ConcurrentDictionary<string, MailAttachment> _documents = new(StringComparer.Ordinal);

    public void Add(string documentId, MailAttachment attachment) => _documents[documentId] = attachment;

    public Task<MailAttachment?> OpenAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.TryGetValue(documentId, out var attachment) ? attachment : null);
}

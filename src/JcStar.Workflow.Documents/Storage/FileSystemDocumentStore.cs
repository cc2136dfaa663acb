using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents.Storage;

/// <summary>
/// Keeps documents as files under Documents:StoreRoot: <c>&lt;id&gt;.bin</c> with <c>&lt;id&gt;.json</c> beside it,
/// and one index file per instance listing its document ids. File names on disk are ids, never the
/// (possibly Japanese) document name, so no name can escape the folder.
/// </summary>
public sealed class FileSystemDocumentStore(DocumentsOptions options, TimeProvider clock) : IDocumentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _indexLock = new(1, 1);

    private string Root => Path.GetFullPath(options.StoreRoot);

    public async Task<CaseDocument> SaveAsync(NewCaseDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var stored = new CaseDocument(
            Guid.CreateVersion7(now).ToString("N"),
            document.InstanceId,
            document.BusinessKey,
            document.Name,
            document.TemplateName,
            document.TemplateContentHash,
            Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            content.Length,
            document.ContentType,
            now);
        var folder = Directory.CreateDirectory(Path.Combine(Root, "documents", stored.Id[^2..])).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, stored.Id + ".bin"), content.ToArray(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, stored.Id + ".json"), JsonSerializer.Serialize(stored, Json), Encoding.UTF8, cancellationToken);
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.Combine(Root, "instances"));
            await File.AppendAllTextAsync(IndexFile(stored.InstanceId), stored.Id + "\n", cancellationToken);
        }
        finally
        {
            _indexLock.Release();
        }
        return stored;
    }

    public async Task<(CaseDocument Document, byte[] Content)?> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        if (id.Length < 2 || !id.All(char.IsAsciiLetterOrDigit))
            return null;
        var folder = Path.Combine(Root, "documents", id[^2..]);
        var meta = Path.Combine(folder, id + ".json");
        if (!File.Exists(meta))
            return null;
        var document = JsonSerializer.Deserialize<CaseDocument>(await File.ReadAllTextAsync(meta, cancellationToken), Json)!;
        return (document, await File.ReadAllBytesAsync(Path.Combine(folder, id + ".bin"), cancellationToken));
    }

    public async Task<IReadOnlyList<CaseDocument>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var index = IndexFile(instanceId);
        if (!File.Exists(index))
            return [];
        var documents = new List<CaseDocument>();
        foreach (var id in await File.ReadAllLinesAsync(index, cancellationToken))
        {
            if (id.Length > 0 && await OpenAsync(id, cancellationToken) is { } found)
                documents.Add(found.Document);
        }
        return documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    // Instance ids are hashed for the file name: they come from outside and may hold any character.
    private string IndexFile(string instanceId) =>
        Path.Combine(Root, "instances", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instanceId))) + ".txt");
}

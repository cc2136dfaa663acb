using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents.Storage;

/// <summary>
/// Keeps documents as files under Documents:StoreRoot: <c>&lt;id&gt;.bin</c> with <c>&lt;id&gt;.json</c> beside it,
/// and one index file per instance listing its document ids. A document saved with a source key also gets
/// <c>sources/&lt;sha256(key)&gt;.txt</c> holding its id, claimed under an exclusive lock, so a key is stored once. File names
/// on disk are ids and hashes, never the (possibly Japanese) document name, so no name can escape the folder.
/// </summary>
public sealed class FileSystemDocumentStore(DocumentsOptions options, TimeProvider clock) : IDocumentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _indexLock = new(1, 1);

    private string Root => Path.GetFullPath(options.StoreRoot);

    public async Task<CaseDocument> SaveAsync(NewCaseDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (document.SourceKey is { } key && await FindBySourceKeyAsync(key, cancellationToken) is { } existing)
        {
            // The save that claimed the key may have died before listing the document for its instance.
            await ListForInstanceAsync(existing, cancellationToken);
            return existing;
        }
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
            now,
            TemplateVersion: document.TemplateVersion);
        var folder = Directory.CreateDirectory(Path.Combine(Root, "documents", stored.Id[^2..])).FullName;
        var bin = Path.Combine(folder, stored.Id + ".bin");
        var meta = Path.Combine(folder, stored.Id + ".json");
        await File.WriteAllBytesAsync(bin, content.ToArray(), cancellationToken);
        await File.WriteAllTextAsync(meta, JsonSerializer.Serialize(stored, Json), Encoding.UTF8, cancellationToken);
        if (document.SourceKey is { } sourceKey && !await ClaimAsync(sourceKey, stored.Id, cancellationToken))
        {
            // Another save with this key claimed it first: ours is unreferenced, theirs is the document.
            File.Delete(meta);
            File.Delete(bin);
            var winner = await FindBySourceKeyAsync(sourceKey, cancellationToken)
                ?? throw new IOException($"document source key file {SourceKeyFile(sourceKey)} names no stored document");
            await ListForInstanceAsync(winner, cancellationToken);
            return winner;
        }
        await ListForInstanceAsync(stored, cancellationToken);
        return stored;
    }

    public async Task<CaseDocument?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken = default)
    {
        var file = SourceKeyFile(sourceKey);
        if (!File.Exists(file))
            return null;
        var id = (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        return await ReadMetadataAsync(id, cancellationToken);
    }

    /// <summary>
    /// Writes the id to the file named by the key's hash unless one is there, under an exclusive lock on
    /// <c>&lt;file&gt;.lock</c> (FileShare.None: flock on Unix, a sharing lock on Windows), so of two racing saves,
    /// in one process or on two nodes sharing the folder, exactly one claims the key. The id goes to a
    /// temporary file moved into place, so a reader never sees a half-written id. A node that dies holding
    /// the lock releases it with its process.
    /// </summary>
    /// <remarks>
    /// File.Move without overwrite is not enough: where the file system lacks an atomic no-replace rename,
    /// .NET checks and then renames, and two racers both won (seen in CI).
    /// </remarks>
    private async Task<bool> ClaimAsync(string sourceKey, string id, CancellationToken cancellationToken)
    {
        var file = SourceKeyFile(sourceKey);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var claim = await LockAsync(file + ".lock", cancellationToken);
        if (File.Exists(file) && (await File.ReadAllTextAsync(file, cancellationToken)).Trim().Length > 0)
            return false;
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, id, cancellationToken);
            File.Move(temporary, file, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Waits (up to 30 s) for the exclusive lock file; held until the returned stream is disposed.</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    private async Task ListForInstanceAsync(CaseDocument document, CancellationToken cancellationToken)
    {
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.Combine(Root, "instances"));
            var index = IndexFile(document.InstanceId);
            if (!File.Exists(index) || !(await File.ReadAllLinesAsync(index, cancellationToken)).Contains(document.Id, StringComparer.Ordinal))
                await File.AppendAllTextAsync(index, document.Id + "\n", cancellationToken);
        }
        finally
        {
            _indexLock.Release();
        }
    }

    private async Task<CaseDocument?> ReadMetadataAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length < 2 || !id.All(char.IsAsciiLetterOrDigit))
            return null;
        var meta = Path.Combine(Root, "documents", id[^2..], id + ".json");
        return File.Exists(meta) ? JsonSerializer.Deserialize<CaseDocument>(await File.ReadAllTextAsync(meta, cancellationToken), Json) : null;
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
        if (document.ContentRemoved)
            return (document, []);
        return (document, await File.ReadAllBytesAsync(Path.Combine(folder, id + ".bin"), cancellationToken));
    }

    /// <summary>The metadata is rewritten first (through a temporary file), then the bytes deleted: a crash between leaves a removed record and a stray file, never a record that promises bytes it lost.</summary>
    public async Task<CaseDocument?> RemoveContentAsync(string id, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        if (await ReadMetadataAsync(id, cancellationToken) is not { } document)
            return null;
        var folder = Path.Combine(Root, "documents", id[^2..]);
        if (!document.ContentRemoved)
        {
            document = document with { ContentRemovedAt = at, ContentRemovedReason = reason };
            var meta = Path.Combine(folder, id + ".json");
            var temporary = $"{meta}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(document, Json), Encoding.UTF8, cancellationToken);
            File.Move(temporary, meta, overwrite: true);
        }
        File.Delete(Path.Combine(folder, id + ".bin"));
        return document;
    }

    public async Task<IReadOnlyList<CaseDocument>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var index = IndexFile(instanceId);
        if (!File.Exists(index))
            return [];
        var documents = new List<CaseDocument>();
        // Distinct: two nodes sharing the folder may both list a keyed document they raced to save.
        foreach (var id in (await File.ReadAllLinesAsync(index, cancellationToken)).Distinct(StringComparer.Ordinal))
        {
            if (id.Length > 0 && await OpenAsync(id, cancellationToken) is { } found)
                documents.Add(found.Document);
        }
        return documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    // Instance ids are hashed for the file name: they come from outside and may hold any character.
    private string IndexFile(string instanceId) =>
        Path.Combine(Root, "instances", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instanceId))) + ".txt");

    // Source keys hold job ids, which may hold any character: hashed for the file name, like instance ids.
    private string SourceKeyFile(string sourceKey) =>
        Path.Combine(Root, "sources", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceKey))) + ".txt");
}

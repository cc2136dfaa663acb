using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using JcStar.Workflow.Server.Hosting;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// Drafts on disk under the data folder (portal-drafts/), one folder each with draft.json and the files; only the
/// user who wrote a draft reads it, and drafts older than <see cref="PortalOptions.DraftValidity"/> are removed
/// whenever one is saved. A filed application's draft is deleted.
/// </summary>
public sealed class ApplicationDrafts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _root;
    private readonly PortalOptions _options;
    private readonly TimeProvider _time;

    public ApplicationDrafts(IConfiguration configuration, PortalOptions options, TimeProvider time)
    {
        _root = Path.Combine(Path.GetFullPath(configuration.GetSection(DataOptions.Section).Get<DataOptions>()?.Root ?? "./data"), "portal-drafts");
        _options = options;
        _time = time;
    }

    public ApplicationDraft New(string owner, string processId) =>
        new() { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Owner = owner, ProcessId = processId, UpdatedAt = _time.GetUtcNow() };

    public async Task<ApplicationDraft?> FindAsync(string? id, string owner, CancellationToken ct)
    {
        if (id is null || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
            return null;
        var file = Path.Combine(_root, id, "draft.json");
        if (!File.Exists(file))
            return null;
        await using var stream = File.OpenRead(file);
        var draft = await JsonSerializer.DeserializeAsync<ApplicationDraft>(stream, Json, ct);
        return draft is not null && draft.Owner == owner && draft.UpdatedAt + _options.DraftValidity > _time.GetUtcNow() ? draft : null;
    }

    public async Task<DraftFile> AddFileAsync(ApplicationDraft draft, string name, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, draft.Id)).FullName;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await File.WriteAllBytesAsync(Path.Combine(folder, id), content, ct);
        return new DraftFile(id, name, content.Length);
    }

    /// <summary>
    /// What a filing page posted, kept in the draft: the typed values (every <c>field.</c> input), the files kept
    /// from before but those ticked for removal, and the new uploads that pass the attachment checks; the refused
    /// ones are named in the problems returned, so a refused file loses nothing else.
    /// </summary>
    public async Task<(ApplicationDraft Draft, List<string> Refused)> KeepPostedAsync(ApplicationDraft draft, IFormCollection form, Runtime.Documents.CaseAttachments attachments, CancellationToken ct)
    {
        var values = form.Keys.Where(k => k.StartsWith(FormValues.Prefix, StringComparison.Ordinal))
            .ToImmutableDictionary(k => k, k => form[k].Select(v => v ?? "").ToImmutableArray());
        var removed = form["remove"].Select(v => v ?? "").ToHashSet();
        var files = draft.Files.Where(f => !removed.Contains(f.Id)).ToList();
        var refused = new List<string>();
        foreach (var upload in form.Files.GetFiles("files").Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            if (attachments.Problem(upload.FileName, content) is { } problem)
                refused.Add(problem);
            else
                files.Add(await AddFileAsync(draft, Runtime.Documents.CaseAttachments.SafeName(upload.FileName), content, ct));
        }
        draft = draft with { Values = values, Files = [.. files] };
        await SaveAsync(draft, ct);
        return (draft, refused);
    }

    /// <summary>The draft's files with their content, to file with the case.</summary>
    public async Task<IReadOnlyList<(string Name, byte[] Content)>> ContentsAsync(ApplicationDraft draft, CancellationToken ct)
    {
        var files = new List<(string, byte[])>();
        foreach (var f in draft.Files)
            files.Add((f.Name, await ReadFileAsync(draft, f, ct)));
        return files;
    }

    public Task<byte[]> ReadFileAsync(ApplicationDraft draft, DraftFile file, CancellationToken ct) =>
        File.ReadAllBytesAsync(Path.Combine(_root, draft.Id, file.Id), ct);

    public async Task SaveAsync(ApplicationDraft draft, CancellationToken ct)
    {
        RemoveExpired();
        var folder = Directory.CreateDirectory(Path.Combine(_root, draft.Id)).FullName;
        foreach (var stale in Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != "draft.json" && draft.Files.All(k => k.Id != Path.GetFileName(f))))
            File.Delete(stale);
        await using var stream = File.Create(Path.Combine(folder, "draft.json"));
        await JsonSerializer.SerializeAsync(stream, draft with { UpdatedAt = _time.GetUtcNow() }, Json, ct);
    }

    public void Delete(ApplicationDraft draft)
    {
        var folder = Path.Combine(_root, draft.Id);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private void RemoveExpired()
    {
        if (!Directory.Exists(_root))
            return;
        var cutoff = _time.GetUtcNow() - _options.DraftValidity;
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (Directory.GetLastWriteTimeUtc(folder) < cutoff.UtcDateTime)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another request is reading it; the next save removes it.
                }
            }
        }
    }
}

namespace JcStar.Workflow.Runtime.Documents;

/// <summary>Keeps template versions in memory: for tests, simulation and the embedded single-process mode.</summary>
public sealed class InMemoryLetterTemplateStore : ILetterTemplateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(LetterTemplateVersion Version, byte[] Content)>> _byName = new(StringComparer.Ordinal);

    public Task<StoredLetterTemplateVersion> AddAsync(NewLetterTemplateVersion version, CancellationToken cancellationToken = default)
    {
        var hash = LetterTemplateHash.Of(version.Content);
        lock (_lock)
        {
            if (!_byName.TryGetValue(version.Name, out var versions))
                _byName[version.Name] = versions = [];
            var known = version.FromFolder
                ? versions.Select(v => v.Version).FirstOrDefault(v => v.Sha256 == hash)
                : versions.Count > 0 && versions[^1].Version.Sha256 == hash ? versions[^1].Version : null;
            if (known is not null)
                return Task.FromResult(new StoredLetterTemplateVersion(known, false));
            var stored = new LetterTemplateVersion(version.Name, versions.Count + 1, hash, version.Content.LongLength, version.At, version.CreatedBy, version.Note);
            versions.Add((stored, version.Content.ToArray()));
            return Task.FromResult(new StoredLetterTemplateVersion(stored, true));
        }
    }

    public Task<(LetterTemplateVersion Version, byte[] Content)?> OpenAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_byName.TryGetValue(name, out var versions) || versions.Count == 0)
                return Task.FromResult<(LetterTemplateVersion, byte[])?>(null);
            if (version is null)
                return Task.FromResult<(LetterTemplateVersion, byte[])?>(versions[^1]);
            return Task.FromResult<(LetterTemplateVersion, byte[])?>(version >= 1 && version <= versions.Count ? versions[version.Value - 1] : null);
        }
    }

    public Task<IReadOnlyList<LetterTemplateVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<LetterTemplateVersion>>(
                [.. _byName.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Select(v => v.Version).Reverse())]);
    }
}

using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// The host's template versions seen through a simulation: reads ask the host's store first (the versions uploaded at
/// /templates), then this run's own; a version the run makes (a template only in the folder, stored as version 1 before
/// it renders) stays in memory, so a simulation never writes to the host's store.
/// </summary>
public sealed class LayeredLetterTemplateStore(ILetterTemplateStore host) : ILetterTemplateStore
{
    private readonly InMemoryLetterTemplateStore own = new();

    public async Task<StoredLetterTemplateVersion> AddAsync(NewLetterTemplateVersion version, CancellationToken cancellationToken = default)
    {
        // A name the host already holds is the host's: the run uses its latest and stores nothing beside it.
        if (await host.OpenAsync(version.Name, null, cancellationToken) is { } latest)
            return new StoredLetterTemplateVersion(latest.Version, false);
        return await own.AddAsync(version, cancellationToken);
    }

    public async Task<(LetterTemplateVersion Version, byte[] Content)?> OpenAsync(string name, int? version = null, CancellationToken cancellationToken = default) =>
        await host.OpenAsync(name, version, cancellationToken) ?? await own.OpenAsync(name, version, cancellationToken);

    public async Task<IReadOnlyList<LetterTemplateVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var held = await host.ListAsync(cancellationToken);
        var names = held.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        return [.. held.Concat((await own.ListAsync(cancellationToken)).Where(v => !names.Contains(v.Name)))
            .OrderBy(v => v.Name, StringComparer.Ordinal).ThenByDescending(v => v.Version)];
    }
}

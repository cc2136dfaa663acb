namespace JcStar.Workflow.Scheme.Labels;

/// <summary>Where registry entries live. There is no delete: the registry keeps every entry for good.</summary>
public interface IRegistryStore
{
    RegistryEntry? Find(string registrationNumber);
    IReadOnlyList<RegistryEntry> All();
    void Add(RegistryEntry entry);

    /// <summary>Replaces the entry with the same registration number; throws when there is none.</summary>
    void Update(RegistryEntry entry);

    /// <summary>
    /// The entries published on or before <paramref name="day"/> that match <paramref name="search"/> (already
    /// normalized) in their published fields only, ordered by registration number, one page of them; searched and
    /// paged by the store (in SQL), never by loading the registry.
    /// </summary>
    RegistryPage<RegistryEntry> SearchPublished(RegistrySearch search, DateOnly day);
}

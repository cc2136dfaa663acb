namespace JcStar.Workflow.Scheme.Labels;

/// <summary>Where registry entries live. There is no delete: the registry keeps every entry for good.</summary>
public interface IRegistryStore
{
    RegistryEntry? Find(string registrationNumber);
    IReadOnlyList<RegistryEntry> All();
    void Add(RegistryEntry entry);

    /// <summary>Replaces the entry with the same registration number; throws when there is none.</summary>
    void Update(RegistryEntry entry);
}

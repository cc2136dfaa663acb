using System.Collections.Concurrent;

namespace JcStar.Workflow.Scheme.Labels;

public sealed class InMemoryRegistryStore : IRegistryStore
{
    private readonly ConcurrentDictionary<string, RegistryEntry> entries = new(StringComparer.Ordinal);

    public RegistryEntry? Find(string registrationNumber) => entries.GetValueOrDefault(registrationNumber);

    public IReadOnlyList<RegistryEntry> All() => entries.Values.OrderBy(e => e.RegistrationNumber, StringComparer.Ordinal).ToList();

    public void Add(RegistryEntry entry)
    {
        if (!entries.TryAdd(entry.RegistrationNumber, entry))
            throw new InvalidOperationException($"registration number {entry.RegistrationNumber} is already in the registry");
    }

    public void Update(RegistryEntry entry)
    {
        if (!entries.ContainsKey(entry.RegistrationNumber))
            throw new KeyNotFoundException($"registration number {entry.RegistrationNumber} is not in the registry");
        entries[entry.RegistrationNumber] = entry;
    }
}

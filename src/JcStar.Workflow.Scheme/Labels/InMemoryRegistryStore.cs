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

    public RegistryPage<RegistryEntry> SearchPublished(RegistrySearch search, DateOnly day)
    {
        static bool Has(string? field, string? part) => part is null || (field is not null && field.Contains(part, StringComparison.Ordinal));
        var matches = All().Where(e => e.PublicationDate <= day
                && (search.Level is null || e.Level == search.Level)
                && Has(RegistrySearchText.Supplier(e), search.Company)
                && Has(RegistrySearchText.Products(e), search.Product)
                && Has(RegistrySearchText.Models(e), search.Model)
                && Has(RegistrySearchText.Number(e), search.RegistrationNumber)
                && (search.Text is null || Has(RegistrySearchText.Supplier(e), search.Text) || Has(RegistrySearchText.Products(e), search.Text)
                    || Has(RegistrySearchText.Models(e), search.Text) || Has(RegistrySearchText.Number(e), search.Text)))
            .ToList();
        return new RegistryPage<RegistryEntry>(matches.Skip(search.Skip).Take(search.PageSize).ToList(), matches.Count, search.Page, search.PageSize);
    }
}

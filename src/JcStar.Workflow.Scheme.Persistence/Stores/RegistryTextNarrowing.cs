using JcStar.Workflow.Scheme.Persistence.Rows;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>What a <see cref="IRegistryTextIndex"/> answered: the entries it narrowed to, and the terms left to LIKE.</summary>
public sealed record RegistryTextNarrowing(IQueryable<RegistryEntryRow> Entries, IReadOnlyList<RegistrySearchTerm> Rest);

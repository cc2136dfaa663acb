namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>One criterion of a registry search: <see cref="Text"/> (in the search columns' normal form) is part of <see cref="Field"/>.</summary>
public sealed record RegistrySearchTerm(RegistrySearchField Field, string Text);

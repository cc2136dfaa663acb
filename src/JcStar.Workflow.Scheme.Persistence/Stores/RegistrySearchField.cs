namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>Which search column of a registry entry a term must be part of; <see cref="Any"/> is any of them.</summary>
public enum RegistrySearchField
{
    Any,
    Supplier,
    Products,
    Models,
    Number,
}

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>One page of a registry search and how many entries match in all.</summary>
public sealed record RegistryPage<T>(IReadOnlyList<T> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

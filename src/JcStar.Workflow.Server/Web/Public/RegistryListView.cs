namespace JcStar.Workflow.Server.Web.Public;

/// <summary>One page of /api/registry.</summary>
public sealed record RegistryListView(DateOnly AsOf, int Page, int PageSize, int Total, int PageCount, IReadOnlyList<RegistryEntryView> Entries);

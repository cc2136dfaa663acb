namespace JcStar.Workflow.Runtime;

/// <summary>One page of a query. <see cref="HasMore"/> instead of a total count: counting every open task of a large group costs more than the page itself.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore);

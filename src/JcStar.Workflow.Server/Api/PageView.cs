using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Server.Api;

public sealed record PageView<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore)
{
    public static PageView<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.HasMore);
}

namespace JcStar.Workflow.Runtime.Tasks;

public interface ITaskStore
{
    Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken);

    Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// How many tasks match (paging ignored), counted up to <paramref name="atMost"/>: an inbox says "999+" rather than
    /// reading a hundred thousand rows for a figure nobody reads exactly. Stores count in the database; this default
    /// pages through.
    /// </summary>
    async Task<int> CountAsync(TaskQuery query, int atMost, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var number = 1; count < atMost; number++)
        {
            var page = await QueryAsync(query with { Page = new PageRequest(number, PageRequest.MaxSize) }, cancellationToken);
            count += page.Items.Count;
            if (!page.HasMore)
                break;
        }
        return Math.Min(count, atMost);
    }
}

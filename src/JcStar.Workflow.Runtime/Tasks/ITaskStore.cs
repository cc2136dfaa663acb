namespace JcStar.Workflow.Runtime.Tasks;

public interface ITaskStore
{
    Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken);

    Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken);

    /// <summary>How many tasks match (paging ignored). Stores count in the database; this default pages through.</summary>
    async Task<int> CountAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var number = 1; ; number++)
        {
            var page = await QueryAsync(query with { Page = new PageRequest(number, PageRequest.MaxSize) }, cancellationToken);
            count += page.Items.Count;
            if (!page.HasMore)
                return count;
        }
    }
}

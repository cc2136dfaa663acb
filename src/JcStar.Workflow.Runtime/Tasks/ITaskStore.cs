namespace JcStar.Workflow.Runtime.Tasks;

public interface ITaskStore
{
    Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken);

    Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken);
}

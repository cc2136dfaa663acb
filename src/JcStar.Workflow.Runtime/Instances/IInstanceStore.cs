namespace JcStar.Workflow.Runtime.Instances;

public interface IInstanceStore
{
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken);

    Task<Page<WorkflowInstance>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>Writes the whole commit atomically.</summary>
    /// <exception cref="WorkflowConflictException">The instance row's version is no longer the expected one (or a new instance's id exists): nothing was written.</exception>
    Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken);
}

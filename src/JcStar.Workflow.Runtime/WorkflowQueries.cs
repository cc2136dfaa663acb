using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// Reads, with the visibility rules in one place: a task's data only for its assignee, candidates
/// and admins; instances, history and incidents for admins (and, for an instance, whoever may see one of its tasks).
/// </summary>
public sealed class WorkflowQueries(WorkflowStores stores)
{
    public Task<Page<HumanTask>> InboxAsync(WorkflowActor actor, PageRequest page, CancellationToken cancellationToken = default) =>
        stores.Tasks.QueryAsync(TaskQuery.InboxOf(actor, page), cancellationToken);

    /// <summary>Any task query; only admins may look beyond their own inbox.</summary>
    public Task<Page<HumanTask>> QueryTasksAsync(TaskQuery query, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor, "query all tasks");
        return stores.Tasks.QueryAsync(query, cancellationToken);
    }

    public async Task<HumanTask> GetTaskAsync(string taskId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        // Not entitled answers as not there: no trace of another's case (JSS-01 6.1).
        var task = await stores.Tasks.FindAsync(taskId, cancellationToken);
        return task is not null && task.IsVisibleTo(actor) ? task : throw new WorkflowNotFoundException($"task {taskId} does not exist");
    }

    public async Task<WorkflowInstance> GetInstanceAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await stores.Instances.FindAsync(instanceId, cancellationToken);
        if (instance is null || (!actor.IsAdmin && !await SeesATaskOfAsync(instanceId, actor, cancellationToken)))
            throw new WorkflowNotFoundException($"instance {instanceId} does not exist");
        return instance;
    }

    public Task<Page<WorkflowInstance>> QueryInstancesAsync(InstanceQuery query, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor, "query instances");
        return stores.Instances.QueryAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        await GetInstanceAsync(instanceId, actor, cancellationToken);
        return await stores.Audit.ListByInstanceAsync(instanceId, cancellationToken);
    }

    public Task<Page<Incident>> OpenIncidentsAsync(string? instanceId, PageRequest page, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor, "see incidents");
        return stores.Incidents.QueryOpenAsync(instanceId, page, cancellationToken);
    }

    public Task<IReadOnlyList<DeployedDefinition>> DefinitionsAsync(CancellationToken cancellationToken = default) =>
        stores.Definitions.ListLatestAsync(cancellationToken);

    public Task<IReadOnlyList<DeployedDefinition>> DefinitionVersionsAsync(string processId, CancellationToken cancellationToken = default) =>
        stores.Definitions.ListVersionsAsync(processId, cancellationToken);

    private async Task<bool> SeesATaskOfAsync(string instanceId, WorkflowActor actor, CancellationToken ct)
    {
        var tasks = await stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instanceId, Status = null, Page = new PageRequest(1, PageRequest.MaxSize) }, ct);
        return tasks.Items.Any(t => t.IsVisibleTo(actor));
    }

    private static void RequireAdmin(WorkflowActor actor, string what)
    {
        if (!actor.IsAdmin)
            throw new WorkflowForbiddenException($"only admins may {what}");
    }
}

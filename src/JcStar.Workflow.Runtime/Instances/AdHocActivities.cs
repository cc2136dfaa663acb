using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>The activities staff choose to run in a case's open ad-hoc sub-processes.</summary>
public sealed class AdHocActivities(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    CaseAccessPolicy access,
    DefinitionCatalog catalog,
    JobRunner jobs)
{
    /// <summary>
    /// The case's open ad-hoc sub-processes and the activities that may be chosen in each now, for those who may
    /// choose (<see cref="ActivateAdHocActivityAsync"/>); empty for parties who see the case but may not choose,
    /// and for a case that has ended.
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">No such case, or the actor may not see it.</exception>
    public async Task<IReadOnlyList<AdHocChoice>> AdHocChoicesAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await access.RequireCaseAsync(stores.Instances, instanceId, actor, cancellationToken);
        if (instance.HasEnded || (!actor.IsAdmin && !actor.Groups.Any(CaseAccessPolicy.IsStaffGroup)))
            return [];
        var definitions = await catalog.GetAsync(instance.DefinitionId, cancellationToken);
        return AdHocChoices.Of(definitions, InstanceStateSerializer.Deserialize(instance.StateJson));
    }

    /// <summary>
    /// Runs <paramref name="elementId"/>, an activity the actor chose in the case's open ad-hoc sub-process
    /// (<paramref name="adHocId"/>, the engine's id of that sub-process instance, only when several are open).
    /// Staff who may see the case (<see cref="CaseAccessPolicy"/>) and admins may choose; a case the actor may not see
    /// does not exist for them; applicants and facilities may not choose.
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">No such case, or the actor may not see it.</exception>
    /// <exception cref="WorkflowForbiddenException">The actor sees the case but is neither staff nor an admin.</exception>
    /// <exception cref="WorkflowInputException">The element cannot be chosen (not inside, a flow leads to it, one already runs in a sequential one).</exception>
    /// <exception cref="WorkflowConflictException">The case has ended, or no ad-hoc sub-process offering the element is open.</exception>
    public async Task<WorkflowInstance> ActivateAdHocActivityAsync(
        string instanceId,
        string elementId,
        WorkflowActor actor,
        string? adHocId = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(elementId))
            throw new WorkflowInputException("the activity to run is missing", new Dictionary<string, string[]> { ["elementId"] = ["required"] });
        await access.RequireCaseAsync(stores.Instances, instanceId, actor, cancellationToken);
        if (!actor.IsAdmin && !actor.Groups.Any(CaseAccessPolicy.IsStaffGroup))
            throw new WorkflowForbiddenException($"{actor.Id} may not choose activities in instance {instanceId}");
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var instance = await executor.RequireRunningAsync(instanceId, cancellationToken);
            return await InstanceCommandExecutor.Translate(() => executor.ExecuteAsync(instance, new ActivateAdHocActivity(elementId, adHocId, actor.Id), actor, (plan, _) =>
            {
                plan.Audit(AuditActions.AdHocActivityChosen, elementId, new { elementId, adHocId });
                return Task.CompletedTask;
            }, cancellationToken));
        });
        await jobs.FollowUpAsync(commit, cancellationToken);
        return commit.Instance;
    }
}

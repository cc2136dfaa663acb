using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Runtime.Incidents;

/// <summary>Incidents staff resolve by having the engine try again.</summary>
public sealed class IncidentRetry(InstanceCommandExecutor executor, WorkflowStores stores, JobRunner jobs)
{
    /// <summary>Staff fixed the cause: the engine tries the element again (a failed job starts over with fresh retries).</summary>
    public async Task RetryIncidentAsync(string incidentId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var incident = await stores.Incidents.FindAsync(incidentId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"incident {incidentId} does not exist");
            if (incident.Status != IncidentStatus.Open)
                throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"incident {incidentId} is already resolved");
            var instance = await executor.RequireRunningAsync(incident.InstanceId, cancellationToken);
            return await InstanceCommandExecutor.Translate(() => executor.ExecuteAsync(instance, new RetryIncident(incident.EngineIncidentId), actor, (plan, _) =>
            {
                plan.Put(incident with { Status = IncidentStatus.Resolved, ResolvedAt = plan.Now, ResolvedBy = actor.Id });
                plan.Audit(AuditActions.IncidentRetried, incident.ElementId, new { incidentId });
                return Task.CompletedTask;
            }, cancellationToken));
        });
        await jobs.FollowUpAsync(commit, cancellationToken);
    }
}

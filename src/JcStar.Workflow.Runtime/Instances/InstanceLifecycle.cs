using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>Starting cases (by a trusted caller, or by someone outside whom the start rules check), cancelling them, and recording their parties.</summary>
public sealed class InstanceLifecycle(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    StartVariables startVariables,
    ICasePartyStore parties,
    StartRules startRules,
    DefinitionCatalog catalog,
    JobRunner jobs)
{
    /// <summary>
    /// Starts the latest deployed version of <paramref name="processId"/> for a trusted in-process caller (the
    /// simulation, tests, the runtime's own start events); the instance stays on that version until it ends.
    /// Requests from outside go through <see cref="StartCaseAsync"/>, which checks who starts and what they send.
    /// </summary>
    public Task<WorkflowInstance> StartAsync(
        string processId,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        StartAsync(processId, businessKey, variables, actor, startMessage: null, cancellationToken);

    /// <summary>Starts at the message start event for <paramref name="startMessage"/> (a report, a complaint), or at the none start event when null.</summary>
    public async Task<WorkflowInstance> StartAsync(
        string processId,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? startMessage,
        CancellationToken cancellationToken = default)
    {
        var definition = await stores.Definitions.FindLatestAsync(processId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"no process '{processId}' is deployed");
        return await StartDefinitionAsync(definition, businessKey, variables, actor, startMessage, null, cancellationToken);
    }

    private async Task<WorkflowInstance> StartDefinitionAsync(
        DeployedDefinition definition,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? startMessage,
        string? applicantOrganizationId,
        CancellationToken cancellationToken)
    {
        var processId = definition.ProcessId;
        var instanceId = RuntimeIds.NewInstanceId(executor.Time);
        if (applicantOrganizationId is not null)
            await parties.SaveAsync(new CaseParties(instanceId, applicantOrganizationId), cancellationToken);
        var command = new StartInstance(
            instanceId,
            processId,
            startVariables.Complete(processId, variables ?? ImmutableDictionary<string, JsonElement>.Empty),
            businessKey,
            startMessage);
        var commit = await InstanceCommandExecutor.Translate(() => executor.StartAsync(definition, command, actor, cancellationToken));
        await jobs.FollowUpAsync(commit, cancellationToken);
        return commit.Instance;
    }

    public async Task<WorkflowInstance> CancelAsync(string instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var instance = await executor.RequireRunningAsync(instanceId, cancellationToken);
            return await InstanceCommandExecutor.Translate(() => executor.ExecuteAsync(instance, new CancelInstance(reason), actor, (plan, _) =>
            {
                plan.Audit(AuditActions.InstanceCancelled, null, new { reason });
                return Task.CompletedTask;
            }, cancellationToken));
        });
        await jobs.FollowUpAsync(commit, cancellationToken);
        return commit.Instance;
    }

    /// <summary>
    /// Starts a case for someone outside the runtime (the API, a page): only a starter of the process may, only
    /// with the variables its start form asks for (each other or missing field refused by name), and the case's
    /// applicant organization is recorded as its party before its first commit. The derived variables (the
    /// applicant's register entry) are set over the caller's, then the settings every case needs.
    /// </summary>
    public async Task<WorkflowInstance> StartCaseAsync(StartCase start, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var definition = await stores.Definitions.FindLatestAsync(start.ProcessId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"no process '{start.ProcessId}' is deployed");
        var process = (await catalog.ModelsAsync(definition, cancellationToken))[0].Processes.Single(p => p.Id == definition.ProcessId);
        startRules.EnsureMayStart(process, actor);
        await startRules.CheckVariablesAsync(definition.Id, process, start.BusinessKey, start.Variables, cancellationToken);
        var variables = start.Variables.SetItems(start.DerivedVariables);
        return await StartDefinitionAsync(definition, start.BusinessKey, variables, actor, null, start.ApplicantOrganizationId, cancellationToken);
    }

    /// <summary>Records the evaluation facility the scheme assigned to a case, so its members see the case (and only what the evaluation needs).</summary>
    public Task AssignFacilityAsync(string instanceId, string facilityId, CancellationToken cancellationToken = default) =>
        parties.AssignFacilityAsync(instanceId, facilityId, cancellationToken);
}

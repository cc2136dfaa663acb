using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Runtime;

public sealed partial class WorkflowRuntime
{
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

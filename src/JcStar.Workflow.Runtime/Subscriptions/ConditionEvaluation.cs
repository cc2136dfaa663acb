using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine.Scripting;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Runtime.Subscriptions;

/// <summary>
/// Process-level conditional start events, as Camunda 7's
/// <c>RuntimeService.createConditionEvaluation().setVariables(…).evaluateStartConditions()</c>: the caller gives
/// variables, and every conditional start event of the latest version of every process (or of one process) whose
/// condition holds for them starts an instance with them.
/// </summary>
public sealed class ConditionEvaluation(
    StartEvents startEvents,
    EventDelivery delivery,
    DefinitionCatalog catalog,
    StartRules startRules,
    WorkflowStores stores,
    JobRunner jobs)
{
    /// <summary>
    /// Evaluates the conditions, then starts one instance per conditional start event whose condition holds, with
    /// <paramref name="variables"/> and <paramref name="businessKey"/>; each start is its own transaction, audited in
    /// the new instance's history (<see cref="Audit.AuditActions.ConditionalStart"/>). Returns the instances started,
    /// empty when no condition held. A condition reading a variable that was not given does not hold.
    /// </summary>
    /// <remarks>
    /// Only processes the caller may start are evaluated (their starters, as for a case started by hand); without
    /// <paramref name="processId"/> the others are passed over unseen. A caller who is not an admin sends only what the
    /// start form of each process that would start asks for. Every condition is evaluated before anything starts: when
    /// one fails (it throws, or reaches a sandbox limit), the request is refused naming each failed start event, its
    /// definition and the error, and nothing starts, as Camunda's evaluation throws and starts nothing. The same
    /// request sent again starts its instances again, as a case started twice by hand does.
    /// </remarks>
    /// <exception cref="WorkflowNotFoundException"><paramref name="processId"/> is not deployed.</exception>
    /// <exception cref="WorkflowForbiddenException">The caller may not start <paramref name="processId"/>.</exception>
    /// <exception cref="WorkflowInputException"><paramref name="processId"/> has no conditional start event, a condition failed, or the variables do not fit a start form.</exception>
    public async Task<IReadOnlyList<ConditionalStart>> EvaluateStartConditionsAsync(
        ImmutableDictionary<string, JsonElement> variables,
        string? processId,
        string? businessKey,
        WorkflowActor actor,
        CancellationToken cancellationToken = default,
        string? applicantOrganizationId = null,
        ImmutableDictionary<string, JsonElement>? derivedVariables = null)
    {
        // What the caller sent is checked against the start forms; the trusted derived variables (the applicant's
        // register entry) are set over it, as for a case started by hand, and the conditions see both.
        var callerVariables = variables;
        if (derivedVariables is not null)
            variables = variables.SetItems(derivedVariables);
        if (processId is not null)
        {
            var latest = await stores.Definitions.FindLatestAsync(processId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"no process '{processId}' is deployed");
            startRules.EnsureMayStart(await ProcessAsync(latest, cancellationToken), actor);
        }
        var targets = await startEvents.ForConditionsAsync(processId, cancellationToken);
        if (processId is not null && targets.Count == 0)
            throw new WorkflowInputException($"process {processId} has no conditional start event",
                new Dictionary<string, string[]> { ["processId"] = [$"process {processId} has no conditional start event at process level"] });

        var holding = new List<ConditionalStartTarget>();
        var failures = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (!await MayStartAsync(target.Definition, actor, cancellationToken))
                continue;
            try
            {
                if (await startEvents.ConditionHoldsAsync(target, variables, cancellationToken))
                    holding.Add(target);
            }
            catch (ScriptFailure failure)
            {
                var message = $"definition {target.Definition.Id}, start event {target.StartEventId}: the condition failed: {failure.Message}";
                failures[target.StartEventId] = failures.TryGetValue(target.StartEventId, out var earlier) ? [.. earlier, message] : [message];
            }
        }
        if (failures.Count > 0)
            throw new WorkflowInputException($"{failures.Values.Sum(m => m.Length)} start condition(s) could not be evaluated; nothing was started", failures);

        if (!actor.IsAdmin)
        {
            foreach (var definition in holding.Select(t => t.Definition).DistinctBy(d => d.Id))
                await startRules.CheckVariablesAsync(definition.Id, await ProcessAsync(definition, cancellationToken), businessKey, callerVariables, cancellationToken);
        }

        var started = new List<ConditionalStart>();
        foreach (var target in holding)
        {
            var instance = await delivery.StartByConditionAsync(target, businessKey, variables, actor, applicantOrganizationId, jobs.FollowUpAsync, cancellationToken);
            started.Add(new ConditionalStart(instance.Id, target.Definition.ProcessId, target.Definition.Id, target.StartEventId));
        }
        return started;
    }

    private async Task<bool> MayStartAsync(DeployedDefinition definition, WorkflowActor actor, CancellationToken ct)
    {
        if (actor.IsAdmin)
            return true;
        try
        {
            startRules.EnsureMayStart(await ProcessAsync(definition, ct), actor);
            return true;
        }
        catch (WorkflowForbiddenException)
        {
            return false;
        }
    }

    private async Task<Bpmn.Model.ProcessDefinition> ProcessAsync(DeployedDefinition definition, CancellationToken ct) =>
        (await catalog.GetAsync(definition.Id, ct)).Find(definition.ProcessId)
            ?? throw new WorkflowNotFoundException($"definition {definition.Id} holds no process '{definition.ProcessId}'");
}

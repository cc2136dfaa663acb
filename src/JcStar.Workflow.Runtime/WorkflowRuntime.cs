using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// The use cases that change instances. Each public command is one transaction per instance it
/// touches (see <see cref="InstanceCommandExecutor"/>); synchronous activities the command invoked run
/// right after, each in its own transaction. Split over several files by area.
/// </summary>
public sealed partial class WorkflowRuntime(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    ActivityRegistry activities,
    IEnumerable<ITaskFormValidator> formValidators,
    IJobDispatcher dispatcher,
    IEnumerable<IStartVariableSource> startVariableSources,
    StartEvents startEvents,
    CaseAccessPolicy access,
    ICasePartyStore parties,
    StartRules startRules,
    IActorDirectory directory,
    DefinitionCatalog catalog,
    ILogger<WorkflowRuntime> logger)
{
    private readonly IStartVariableSource[] _startVariableSources = [.. startVariableSources];

    private readonly ITaskFormValidator[] _formValidators = [.. formValidators];

    private RuntimeOptions Options => executor.Options;

    private TimeProvider Time => executor.Time;

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
        Definitions.DeployedDefinition definition,
        string? businessKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        string? startMessage,
        string? applicantOrganizationId,
        CancellationToken cancellationToken)
    {
        var processId = definition.ProcessId;
        var instanceId = RuntimeIds.NewInstanceId(Time);
        if (applicantOrganizationId is not null)
            await parties.SaveAsync(new CaseParties(instanceId, applicantOrganizationId), cancellationToken);
        var command = new StartInstance(
            instanceId,
            processId,
            CompleteStartVariables(processId, variables ?? ImmutableDictionary<string, JsonElement>.Empty),
            businessKey,
            startMessage);
        var commit = await Translate(() => executor.StartAsync(definition, command, actor, cancellationToken));
        await FollowUpAsync(commit, cancellationToken);
        return commit.Instance;
    }

    public async Task<WorkflowInstance> CancelAsync(string instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var instance = await RequireRunningAsync(instanceId, cancellationToken);
            return await Translate(() => executor.ExecuteAsync(instance, new CancelInstance(reason), actor, (plan, _) =>
            {
                plan.Audit(AuditActions.InstanceCancelled, null, new { reason });
                return Task.CompletedTask;
            }, cancellationToken));
        });
        await FollowUpAsync(commit, cancellationToken);
        return commit.Instance;
    }

    private ImmutableDictionary<string, JsonElement> CompleteStartVariables(string processId, ImmutableDictionary<string, JsonElement> given)
    {
        foreach (var source in _startVariableSources)
            given = source.Complete(processId, given);
        return given;
    }

    private async Task<WorkflowInstance> RequireRunningAsync(string instanceId, CancellationToken ct)
    {
        var instance = await stores.Instances.FindAsync(instanceId, ct)
            ?? throw new WorkflowNotFoundException($"instance {instanceId} does not exist");
        if (instance.HasEnded)
            throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"instance {instanceId} has ended ({instance.Status})");
        return instance;
    }

    /// <summary>Wakes timers and jobs the commit created and runs its synchronous activities (and theirs) now.</summary>
    private async Task FollowUpAsync(InstanceCommit commit, CancellationToken ct)
    {
        var queue = new Queue<string>(await executor.AfterCommitAsync(commit, ct));
        while (queue.TryDequeue(out var jobId))
        {
            foreach (var next in await RunJobCoreAsync(jobId, ct) ?? [])
                queue.Enqueue(next);
        }
    }

    /// <summary>The engine's refusals in the runtime's terms, so hosts map one family of exceptions.</summary>
    private static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (WorkflowCommandException e)
        {
            throw e.Rejection switch
            {
                CommandRejection.NotFound => new WorkflowNotFoundException(e.Message),
                CommandRejection.NoLongerPending => new WorkflowConflictException(ConflictReason.NoLongerPending, e.Message),
                _ => new WorkflowInputException(e.Message, new Dictionary<string, string[]> { ["command"] = [e.Message] }),
            };
        }
    }
}

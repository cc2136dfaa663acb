using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Access;

namespace JcStar.Workflow.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Staff record what arrived from outside for a case they may see (the fee was paid, the applicant answered):
    /// the message the case waits for at <paramref name="elementId"/> is delivered with its correlation key, so nobody
    /// types message names or keys for everyday work.
    /// </summary>
    public async Task<int> RecordReceivedAsync(string instanceId, string elementId, ImmutableDictionary<string, JsonElement>? variables, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await access.RequireCaseAsync(stores.Instances, instanceId, actor, cancellationToken);
        if (!actor.IsAdmin && !actor.Groups.Any(CaseAccessPolicy.IsStaffGroup))
            throw new WorkflowForbiddenException($"{actor.Id} may not record what a case received");
        var state = Engine.InstanceStateSerializer.Deserialize(instance.StateJson);
        var waiting = state.Subscriptions.FirstOrDefault(s => s.Kind == Engine.SubscriptionKind.Message && s.ElementId == elementId)
            ?? throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"case {instanceId} no longer waits at {elementId}");
        return await CorrelateMessageAsync(waiting.Name, waiting.CorrelationKey, variables, actor, cancellationToken);
    }
}

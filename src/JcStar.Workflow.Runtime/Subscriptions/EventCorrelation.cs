using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Runtime.Subscriptions;

/// <summary>Messages and signals from outside the processes: from the API, a page, the scheme's own services.</summary>
public sealed class EventCorrelation(
    EventDelivery delivery,
    JobRunner jobs,
    WorkflowStores stores,
    CaseAccessPolicy access)
{
    /// <summary>
    /// Delivers the message to every instance subscribed to it under that key: one transaction per
    /// instance. When no waiting instance takes it, the message starts a new instance of the latest
    /// version of every process with a message start event for <paramref name="messageName"/> (at the
    /// first such event), with <paramref name="variables"/> and <paramref name="correlationKey"/> as its
    /// business key. A message a waiting instance took starts nothing, as Camunda's correlate does: a
    /// case's follow-up (a report, a payment) goes to the case, and only a message no case waits for
    /// opens one. Returns how many instances took it, started ones included.
    /// </summary>
    /// <remarks>
    /// Two identical messages sent at once while no instance waits may both start an instance. A message
    /// thrown by a process is delivered at least once (a crash between its delivery and the end of the throw
    /// job delivers it again), but starts its instances once: their ids derive from the throw job's.
    /// </remarks>
    public Task<int> CorrelateMessageAsync(
        string messageName,
        string? correlationKey,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        delivery.CorrelateMessageAsync(messageName, correlationKey, variables, actor, deliveryKey: null, jobs.FollowUpAsync, cancellationToken);

    /// <summary>
    /// Triggers every instance subscribed to the signal, and starts one instance of the latest version of
    /// every process with a signal start event for it (at the first such event, with <paramref name="variables"/>).
    /// Returns how many instances took it, started ones included.
    /// </summary>
    public Task<int> BroadcastSignalAsync(
        string signalName,
        ImmutableDictionary<string, JsonElement>? variables,
        WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        delivery.BroadcastSignalAsync(signalName, variables, actor, deliveryKey: null, jobs.FollowUpAsync, cancellationToken);

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

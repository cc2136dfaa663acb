using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>
/// Everything one command changed, written in one transaction or not at all. Rows in the Saved lists
/// are inserted or replaced by id; the instance row is inserted when <see cref="ExpectedVersion"/> is
/// null, otherwise updated only where its version is still <see cref="ExpectedVersion"/>.
/// </summary>
public sealed record InstanceCommit
{
    public required WorkflowInstance Instance { get; init; }
    public int? ExpectedVersion { get; init; }
    public IReadOnlyList<HumanTask> Tasks { get; init; } = [];
    public IReadOnlyList<TimerRecord> Timers { get; init; } = [];
    public IReadOnlyList<MessageSubscription> MessageSubscriptionsOpened { get; init; } = [];
    public IReadOnlyList<string> MessageSubscriptionsClosed { get; init; } = [];
    public IReadOnlyList<SignalSubscription> SignalSubscriptionsOpened { get; init; } = [];
    public IReadOnlyList<string> SignalSubscriptionsClosed { get; init; } = [];
    public IReadOnlyList<ActivityJob> Jobs { get; init; } = [];
    public IReadOnlyList<Incident> Incidents { get; init; } = [];
    public IReadOnlyList<AuditEntry> Audit { get; init; } = [];

    /// <summary>
    /// Mail the step asked for, queued in the outbox in the same transaction. Inserted unless a message
    /// with the same <see cref="OutboxMessage.IdempotencyKey"/> is already stored (then that one stays).
    /// </summary>
    public IReadOnlyList<OutboxMessage> OutboxMessages { get; init; } = [];

    /// <summary>Ids of rows an effect created in this command (a task opened, a timer armed): stores may insert them without looking first.</summary>
    public IReadOnlySet<string> NewRowIds { get; init; } = new HashSet<string>();

    /// <summary>Ids of rows this command read from the stores before changing them: stores may update them without looking first.</summary>
    public IReadOnlySet<string> ExistingRowIds { get; init; } = new HashSet<string>();

    /// <summary>
    /// The instance ended: whatever the effects did not close (open tasks, pending timers and jobs,
    /// subscriptions) is closed too, so nothing of an ended case can fire or show in an inbox.
    /// </summary>
    public bool CloseRemainingWork => Instance.HasEnded;
}

using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Runtime.Retention;

/// <summary>
/// A case as retention sees it: the instance (its state holds the variables), its task forms, its mail, its history,
/// its jobs' inputs (copies of variables) and what its scheme activities answered (the activity ledger).
/// </summary>
public sealed record RetainedCase(
    WorkflowInstance Instance,
    IReadOnlyList<RetainedTaskForm> TaskForms,
    IReadOnlyList<OutboxMessage> Mails,
    IReadOnlyList<AuditEntry> Audit)
{
    /// <summary>Job id → its inputs, for jobs that are no longer pending.</summary>
    public IReadOnlyDictionary<string, string> JobInputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Ids of the case's jobs still pending (a message it throws to another case): the case waits for them.</summary>
    public IReadOnlyList<string> PendingJobs { get; init; } = [];

    /// <summary>Activity ledger key → the outputs recorded for it.</summary>
    public IReadOnlyDictionary<string, string> LedgerOutputs { get; init; } = new Dictionary<string, string>();
}

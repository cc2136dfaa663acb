using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Runtime.Retention;

/// <summary>A case as retention sees it: the instance (its state holds the variables), its task forms, its mail and its history.</summary>
public sealed record RetainedCase(
    WorkflowInstance Instance,
    IReadOnlyList<RetainedTaskForm> TaskForms,
    IReadOnlyList<OutboxMessage> Mails,
    IReadOnlyList<AuditEntry> Audit);

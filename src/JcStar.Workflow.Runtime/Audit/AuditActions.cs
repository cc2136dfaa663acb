namespace JcStar.Workflow.Runtime.Audit;

/// <summary>The values of <see cref="AuditEntry.Action"/>; stable strings because reports filter on them.</summary>
public static class AuditActions
{
    public const string DefinitionDeployed = "definition.deployed";
    public const string InstanceStarted = "instance.started";
    public const string InstanceEnded = "instance.ended";
    public const string InstanceCancelled = "instance.cancelled";

    /// <summary>The case moved to another version of its process (which elements moved where is in the data).</summary>
    public const string InstanceMigrated = "instance.migrated";
    public const string FlowNodeCompleted = "node.completed";
    public const string TaskOpened = "task.opened";
    public const string TaskCompleted = "task.completed";
    public const string TaskCancelled = "task.cancelled";
    public const string TaskClaimed = "task.claimed";
    public const string TaskUnclaimed = "task.unclaimed";
    public const string TaskReassigned = "task.reassigned";
    public const string TimerFired = "timer.fired";

    /// <summary>A deployment armed a process-level timer start event (no instance yet).</summary>
    public const string StartTimerArmed = "timer.start-armed";

    /// <summary>A newer version replaced a process-level timer start event before it fired (no instance).</summary>
    public const string StartTimerCancelled = "timer.start-cancelled";
    public const string MessageCorrelated = "message.correlated";
    public const string SignalReceived = "signal.received";
    /// <summary>A process started at its conditional start event: the condition held for the variables a caller gave.</summary>
    public const string ConditionalStart = "condition.started";
    public const string ActivityCompleted = "activity.completed";
    public const string ActivityFailed = "activity.failed";
    public const string IncidentRaised = "incident.raised";
    public const string IncidentRetried = "incident.retried";

    /// <summary>A file was attached to the case through one of its tasks.</summary>
    public const string DocumentAttached = "document.attached";

    /// <summary>An internal comment on a task, kept in the case's history (staff only).</summary>
    public const string TaskCommented = "task.commented";
    /// <summary>Someone chose an activity to run in an ad-hoc sub-process.</summary>
    public const string AdHocActivityChosen = "adhoc.chosen";

    /// <summary>Staff or an admin read a case (JSS-01 6.1: who looked at what is on record).</summary>
    public const string CaseRead = "case.read";

    /// <summary>The parties of a case were recorded or changed (applicant organization, evaluation facility).</summary>
    public const string PartiesRecorded = "case.parties";

    /// <summary>Retention anonymized the personal fields of a closed case; the data names the fields, never their values.</summary>
    public const string RetentionAnonymized = "retention.anonymized";

    /// <summary>Retention removed a letter's content from the document store; the data names the letter (id, name, number, SHA-256), the record stays.</summary>
    public const string RetentionLetterRemoved = "retention.letter-removed";

    /// <summary>A new version of a letter template was stored (name, version, SHA-256, note in the data).</summary>
    public const string LetterTemplateVersionAdded = "template.version-added";

    /// <summary>An uploaded letter template was refused (its diagnostics in the data); the current version stays.</summary>
    public const string LetterTemplateRefused = "template.refused";
}

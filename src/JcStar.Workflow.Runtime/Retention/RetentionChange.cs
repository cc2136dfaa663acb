using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Runtime.Retention;

/// <summary>Everything one anonymization of one case rewrites, with the audit record that says so.</summary>
public sealed record RetentionChange
{
    public required string InstanceId { get; init; }

    /// <summary>The case's version when it was read; the change applies only while it still is.</summary>
    public required int ExpectedVersion { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The instance state with its variables anonymized; null when they stay as they are.</summary>
    public string? StateJson { get; init; }

    /// <summary>Task id → form data anonymized.</summary>
    public IReadOnlyDictionary<string, string> TaskForms { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<RetainedMail> Mails { get; init; } = [];

    /// <summary>Job id → inputs anonymized.</summary>
    public IReadOnlyDictionary<string, string> JobInputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Activity ledger key → outputs anonymized.</summary>
    public IReadOnlyDictionary<string, string> LedgerOutputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Audit entry sequence → its data anonymized.</summary>
    public IReadOnlyDictionary<long, string> AuditData { get; init; } = new Dictionary<long, string>();

    /// <summary>The retention.anonymized entry: what was done, by field name, never the values.</summary>
    public required AuditEntry Record { get; init; }
}

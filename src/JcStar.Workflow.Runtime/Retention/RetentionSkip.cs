namespace JcStar.Workflow.Runtime.Retention;

/// <summary>A case past its period that was left as it is, and why (still open, an open appeal refers to it, mail still queued).</summary>
public sealed record RetentionSkip(string InstanceId, string? BusinessKey, string Reason);

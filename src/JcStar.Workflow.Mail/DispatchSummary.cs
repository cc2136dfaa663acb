namespace JcStar.Workflow.Mail;

/// <summary>What one dispatch run did, for the job's log.</summary>
public sealed record DispatchSummary(int Sent, int Retrying, int Failed);

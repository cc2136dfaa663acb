namespace JcStar.Workflow.Server.Web.Public;

/// <summary>The answer to a confirmation: the receipt number when a case is (or already was) opened.</summary>
public sealed record ComplaintConfirmation(ComplaintOutcome Outcome, string? ReceiptNumber = null, string? InstanceId = null);

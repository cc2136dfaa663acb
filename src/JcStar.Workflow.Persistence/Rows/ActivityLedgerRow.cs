namespace JcStar.Workflow.Persistence.Rows;

/// <summary>What a scheme activity answered for an idempotency key; written once, never changed.</summary>
public sealed class ActivityLedgerRow
{
    public string IdempotencyKey { get; set; } = "";
    public string OutputsJson { get; set; } = "{}";
}

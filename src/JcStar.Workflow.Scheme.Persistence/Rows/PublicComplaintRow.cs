namespace JcStar.Workflow.Scheme.Persistence.Rows;

/// <summary>A complaint from the public; pending until its sender confirms by the link mailed to them.</summary>
public sealed class PublicComplaintRow
{
    public Guid Id { get; set; }
    public string TokenHash { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? InstanceId { get; set; }
    public string? ReceiptNumber { get; set; }
}

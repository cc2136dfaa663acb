namespace JcStar.Workflow.Scheme.Complaints;

/// <summary>
/// A complaint from a member of the public (JSS-01 6.6) waiting for its sender to confirm their e-mail address.
/// Only the hash of the confirmation token is kept, so the table alone cannot confirm anything.
/// </summary>
public sealed record PublicComplaint
{
    public required Guid Id { get; init; }
    public required string TokenHash { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }

    /// <summary>The product or registration number the complaint is about, as the sender wrote it.</summary>
    public required string Subject { get; init; }

    public required string Description { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>The complaint case opened on confirmation.</summary>
    public string? InstanceId { get; init; }

    /// <summary>What the sender is shown and quotes when they write again.</summary>
    public string? ReceiptNumber { get; init; }
}

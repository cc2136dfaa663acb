using System.Collections.Immutable;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>What the grant decision (交付決裁) decides; the registry turns it into an entry.</summary>
public sealed record LabelGrant
{
    public required string ApplicationNumber { get; init; }
    public required LabelLevel Level { get; init; }
    public required string SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public required string ProductName { get; init; }
    public required ImmutableArray<string> ModelNumbers { get; init; }
    public required DateOnly GrantDate { get; init; }

    /// <summary>Defaults to the grant date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>A shorter validity than the setting may be granted; a longer one never.</summary>
    public int? ValidityMonths { get; init; }

    public DateOnly? PreferredPublicationDate { get; init; }
    public ImmutableHashSet<PublicationField> PublishedFields { get; init; } = [];
    public string? EvaluationFacilityId { get; init; }
    public string? EvaluationFacilityName { get; init; }
    public string? SupportPeriod { get; init; }
    public string? VulnerabilityContact { get; init; }
    public string? ConfidentialNotes { get; init; }
    public string? DecidedBy { get; init; }
}

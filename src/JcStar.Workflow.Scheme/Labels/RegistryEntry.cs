using System.Collections.Immutable;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>One labelled product line in the registry of labelled products (適合ラベル取得製品リスト).</summary>
public sealed record RegistryEntry
{
    public required string RegistrationNumber { get; init; }
    public required string ApplicationNumber { get; init; }
    public required LabelLevel Level { get; init; }
    public required string SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public required ImmutableArray<LabelledProduct> Products { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly ExpiryDate { get; init; }
    public DateOnly GrantDate { get; init; }
    public DateOnly? PreferredPublicationDate { get; init; }
    public ImmutableHashSet<PublicationField> PublishedFields { get; init; } = [];
    public string? EvaluationFacilityId { get; init; }
    public string? EvaluationFacilityName { get; init; }
    public string? SupportPeriod { get; init; }
    public string? VulnerabilityContact { get; init; }

    /// <summary>Confidential to the registrant and the scheme's staff; never published.</summary>
    public string? ConfidentialNotes { get; init; }

    public DateOnly? RevokedOn { get; init; }
    public string? RevocationReason { get; init; }
    public ImmutableArray<RegistryEvent> History { get; init; } = [];

    /// <summary>The later of the grant date and the applicant's preferred publication date.</summary>
    public DateOnly PublicationDate =>
        PreferredPublicationDate is { } preferred && preferred > GrantDate ? preferred : GrantDate;

    public RegistryStatus StatusOn(DateOnly day) =>
        RevokedOn is { } revoked && revoked <= day ? RegistryStatus.Revoked
        : day > ExpiryDate ? RegistryStatus.Expired
        : RegistryStatus.Valid;
}

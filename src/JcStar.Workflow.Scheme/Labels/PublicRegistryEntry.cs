using System.Collections.Immutable;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>
/// What the public registry shows of an entry: only the fields the applicant marked, nothing confidential.
/// A revoked label carries its revocation date and an expired one its last valid day, whatever was marked:
/// the status is always public and means nothing without its date.
/// </summary>
public sealed record PublicRegistryEntry(
    string RegistrationNumber,
    string Level,
    RegistryStatus Status,
    string? Supplier,
    string? ProductName,
    ImmutableArray<string> ModelNumbers,
    DateOnly? IssueDate,
    DateOnly? ExpiryDate,
    string? EvaluationFacility,
    string? SupportPeriod,
    string? VulnerabilityContact,
    DateOnly? RevokedOn,
    DateOnly? ExpiredAfter);

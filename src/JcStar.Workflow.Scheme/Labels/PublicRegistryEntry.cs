using System.Collections.Immutable;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>What the public registry shows of an entry: only the fields the applicant marked, nothing confidential.</summary>
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
    string? VulnerabilityContact);

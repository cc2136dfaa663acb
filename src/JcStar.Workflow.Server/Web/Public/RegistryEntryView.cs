using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Server.Web.Public;

/// <summary>An entry as /api/registry gives it: only published fields; status valid, expired or revoked with its date.</summary>
public sealed record RegistryEntryView(
    string RegistrationNumber,
    string Level,
    string Status,
    DateOnly? RevokedOn,
    DateOnly? ExpiredAfter,
    string? Supplier,
    string? ProductName,
    IReadOnlyList<string> ModelNumbers,
    DateOnly? IssueDate,
    DateOnly? ExpiryDate,
    string? EvaluationFacility,
    string? SupportPeriod,
    string? VulnerabilityContact,
    string Url)
{
    public static RegistryEntryView From(PublicRegistryEntry e) => new(
        e.RegistrationNumber, e.Level, e.Status.ToString().ToLowerInvariant(), e.RevokedOn, e.ExpiredAfter, e.Supplier, e.ProductName,
        e.ModelNumbers.IsDefault ? [] : [.. e.ModelNumbers], e.IssueDate, e.ExpiryDate, e.EvaluationFacility, e.SupportPeriod, e.VulnerabilityContact,
        "/registry/" + Uri.EscapeDataString(e.RegistrationNumber));
}

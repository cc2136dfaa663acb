using System.Text.Json.Serialization;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// One registry entry as it stands when the simulation ends (the extra top-level <c>"registry"</c> field of
/// the output): status on the clock's final day, validity, products, and the history of what happened to it.
/// Internal fields only the scheme's staff see (confidential notes) are left out.
/// </summary>
public sealed record RegistryEntryReport(
    [property: JsonPropertyName("registrationNumber")] string RegistrationNumber,
    [property: JsonPropertyName("applicationNumber")] string ApplicationNumber,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("supplier")] string Supplier,
    [property: JsonPropertyName("products")] IReadOnlyList<RegistryProductReport> Products,
    [property: JsonPropertyName("issueDate")] DateOnly IssueDate,
    [property: JsonPropertyName("expiryDate")] DateOnly ExpiryDate,
    [property: JsonPropertyName("publicationDate")] DateOnly PublicationDate,
    [property: JsonPropertyName("evaluationFacility")] string? EvaluationFacility,
    [property: JsonPropertyName("revokedOn")] DateOnly? RevokedOn,
    [property: JsonPropertyName("history")] IReadOnlyList<string> History)
{
    public static RegistryEntryReport From(RegistryEntry e, DateOnly today) => new(
        e.RegistrationNumber, e.ApplicationNumber, e.Level.ToString(), e.StatusOn(today).ToString().ToLowerInvariant(), e.SupplierName,
        [.. e.Products.Select(p => new RegistryProductReport(p.Name, [.. p.ModelNumbers], p.AddedOn, p.SuccessorOf))],
        e.IssueDate, e.ExpiryDate, e.PublicationDate, e.EvaluationFacilityName, e.RevokedOn,
        [.. e.History.Select(h => h.Kind)]);
}

public sealed record RegistryProductReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("modelNumbers")] IReadOnlyList<string> ModelNumbers,
    [property: JsonPropertyName("addedOn")] DateOnly AddedOn,
    [property: JsonPropertyName("successorOf")] string? SuccessorOf);

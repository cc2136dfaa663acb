namespace JcStar.Workflow.Persistence.Rows;

/// <summary>One registry entry: what is queried as columns, the nested lists as JSON text. Never deleted.</summary>
public sealed class RegistryEntryRow
{
    public string RegistrationNumber { get; set; } = "";
    public string ApplicationNumber { get; set; } = "";
    public int Level { get; set; }
    public string SupplierId { get; set; } = "";
    public string SupplierName { get; set; } = "";
    public string ProductsJson { get; set; } = "[]";
    public DateOnly IssueDate { get; set; }
    public DateOnly ExpiryDate { get; set; }
    public DateOnly GrantDate { get; set; }
    public DateOnly? PreferredPublicationDate { get; set; }
    public string PublishedFieldsJson { get; set; } = "[]";
    public string? EvaluationFacilityId { get; set; }
    public string? EvaluationFacilityName { get; set; }
    public string? SupportPeriod { get; set; }
    public string? VulnerabilityContact { get; set; }
    public string? ConfidentialNotes { get; set; }
    public DateOnly? RevokedOn { get; set; }
    public string? RevocationReason { get; set; }
    public string HistoryJson { get; set; } = "[]";
}

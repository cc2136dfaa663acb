namespace JcStar.Workflow.Scheme.Persistence.Rows;

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

    /// <summary>The later of the grant date and the preferred publication date, so the public search filters in SQL.</summary>
    public DateOnly PublicationDate { get; set; }

    /// <summary>The published supplier, product names and model numbers in search form (null when not published): the public search reads only these.</summary>
    public string? SearchSupplier { get; set; }

    public string? SearchProducts { get; set; }
    public string? SearchModels { get; set; }
    public string SearchNumber { get; set; } = "";
}

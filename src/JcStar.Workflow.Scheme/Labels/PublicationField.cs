namespace JcStar.Workflow.Scheme.Labels;

/// <summary>
/// Registry fields an applicant may mark for publication. Registration number, level and status
/// are always public once the entry is published: a listing without them would mean nothing.
/// </summary>
public enum PublicationField
{
    Supplier,
    ProductName,
    ModelNumbers,
    IssueDate,
    ExpiryDate,
    EvaluationFacility,
    SupportPeriod,
    VulnerabilityContact,
}

namespace JcStar.Workflow.Scheme.Persistence.Rows;

public sealed class FacilityRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public int Status { get; set; }
    public string AccreditationBody { get; set; } = "";
    public string? AccreditationCertificateNumber { get; set; }
    public DateOnly? AccreditationValidUntil { get; set; }
    public bool AccreditationPending { get; set; }
    public string ScopeLevelsJson { get; set; } = "[]";
    public DateOnly? ApprovedOn { get; set; }
}

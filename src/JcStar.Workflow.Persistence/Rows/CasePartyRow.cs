namespace JcStar.Workflow.Persistence.Rows;

public sealed class CasePartyRow
{
    public string InstanceId { get; set; } = "";
    public string? ApplicantOrganizationId { get; set; }
    public string? FacilityId { get; set; }
}

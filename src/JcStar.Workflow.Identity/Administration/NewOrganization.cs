using JcStar.Workflow.Identity.Model;

namespace JcStar.Workflow.Identity.Administration;

public sealed record NewOrganization(string Name, string CorporateNumber, OrganizationKind Kind = OrganizationKind.Applicant)
{
    public string? FacilityId { get; init; }
    public string? Representative { get; init; }
    public string? PostalCode { get; init; }
    public string? Address { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
}

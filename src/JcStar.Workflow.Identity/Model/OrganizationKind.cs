namespace JcStar.Workflow.Identity.Model;

public enum OrganizationKind
{
    /// <summary>A supplier (or its proxy) that applies for labels.</summary>
    Applicant,
    /// <summary>An evaluation facility (JSS-01 2.2.2), tied to the scheme's facility record.</summary>
    Facility,
}

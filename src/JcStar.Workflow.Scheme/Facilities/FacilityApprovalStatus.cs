namespace JcStar.Workflow.Scheme.Facilities;

public enum FacilityApprovalStatus
{
    Applied,
    Approved,
    Refused,
    Suspended,
    Withdrawn,
}

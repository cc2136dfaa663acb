namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// The scheme's parties to a case: the applicant organization (fixed when the case starts, from the signed-in
/// applicant or named by the staff member who starts it for them) and the evaluation facility (set by the
/// scheme step that selects it). The access policy decides on these, never on task routing.
/// </summary>
public sealed record CaseParties(string InstanceId, string? ApplicantOrganizationId, string? FacilityId = null);

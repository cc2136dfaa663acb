using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// Which cases a query may return, as the access policy decided it for one caller: a case matches when any
/// alternative holds: its applicant is <see cref="ApplicantOrganizationId"/>, its facility is
/// <see cref="FacilityId"/>, or it belongs to one of <see cref="ProcessIds"/> and its applicant is not one of
/// <see cref="ExcludedApplicants"/>. Null scope on a query means every case (admins).
/// </summary>
public sealed record CaseScope
{
    public string? ApplicantOrganizationId { get; init; }
    public string? FacilityId { get; init; }
    public ImmutableArray<string> ProcessIds { get; init; } = [];
    public ImmutableArray<string> ExcludedApplicants { get; init; } = [];

    public bool Matches(string processId, CaseParties? parties) =>
        (ApplicantOrganizationId is not null && parties?.ApplicantOrganizationId == ApplicantOrganizationId)
        || (FacilityId is not null && parties?.FacilityId == FacilityId)
        || (ProcessIds.Contains(processId, StringComparer.Ordinal)
            && (parties?.ApplicantOrganizationId is not { } org || !ExcludedApplicants.Contains(org, StringComparer.Ordinal)));
}

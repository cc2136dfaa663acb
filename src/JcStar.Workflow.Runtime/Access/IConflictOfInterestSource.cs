namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// JSS-01 6.2: the applicant organizations a person (or their facility) declared a conflict of interest with.
/// The scheme's conflict register is the one source; the access policy and the impartiality rules read the same declarations.
/// </summary>
public interface IConflictOfInterestSource
{
    Task<IReadOnlySet<string>> ConflictedOrganizationsAsync(string userId, string? facilityId, CancellationToken cancellationToken);
}

namespace JcStar.Workflow.Runtime.Access;

public interface ICasePartyStore
{
    Task<CaseParties?> FindAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Records the parties of a new case; written before the case's first commit, so a case never exists without them.</summary>
    Task SaveAsync(CaseParties parties, CancellationToken cancellationToken);

    /// <summary>Records the evaluation facility assigned to the case (idempotent).</summary>
    Task AssignFacilityAsync(string instanceId, string facilityId, CancellationToken cancellationToken);

    /// <summary>The cases whose applicant is one of <paramref name="organizationIds"/>.</summary>
    Task<IReadOnlyList<string>> InstancesOfApplicantsAsync(IReadOnlyCollection<string> organizationIds, CancellationToken cancellationToken);
}

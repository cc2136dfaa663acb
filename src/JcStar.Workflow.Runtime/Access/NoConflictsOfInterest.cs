namespace JcStar.Workflow.Runtime.Access;

/// <summary>The default where no conflict register is wired (tools, engine tests).</summary>
public sealed class NoConflictsOfInterest : IConflictOfInterestSource
{
    public Task<IReadOnlySet<string>> ConflictedOrganizationsAsync(string userId, string? facilityId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
}

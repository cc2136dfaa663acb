using JcStar.Workflow.Runtime.Access;

namespace JcStar.Workflow.Scheme.Impartiality;

/// <summary>
/// The runtime's view of the conflict register: the applicant organizations (suppliers) a person declared a
/// conflict with, or their facility did. The same declarations the impartiality rules read.
/// </summary>
public sealed class RegisteredConflictsOfInterest(IConflictRegister register) : IConflictOfInterestSource
{
    public async Task<IReadOnlySet<string>> ConflictedOrganizationsAsync(string userId, string? facilityId, CancellationToken cancellationToken)
    {
        var declarations = await register.DeclaredByAnyAsync(facilityId is null ? [userId] : [userId, facilityId], cancellationToken);
        return declarations.Select(d => d.SupplierId).ToHashSet(StringComparer.Ordinal);
    }
}

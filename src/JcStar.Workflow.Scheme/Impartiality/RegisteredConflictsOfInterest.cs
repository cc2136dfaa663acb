using JcStar.Workflow.Runtime.Access;

namespace JcStar.Workflow.Scheme.Impartiality;

/// <summary>
/// The runtime's view of the conflict register: the applicant organizations (suppliers) a person declared a
/// conflict with, or their facility did. The same declarations the impartiality rules read.
/// </summary>
public sealed class RegisteredConflictsOfInterest(IConflictRegister register) : IConflictOfInterestSource
{
    public Task<IReadOnlySet<string>> ConflictedOrganizationsAsync(string userId, string? facilityId, CancellationToken cancellationToken)
    {
        var declarations = register.DeclaredBy(userId).AsEnumerable();
        if (facilityId is not null)
            declarations = declarations.Concat(register.DeclaredBy(facilityId));
        return Task.FromResult<IReadOnlySet<string>>(declarations.Select(d => d.SupplierId).ToHashSet(StringComparer.Ordinal));
    }
}

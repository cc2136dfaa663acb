using System.Collections.Immutable;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Identity;

/// <summary>A user as the runtime sees them: their roles, the groups the roles give, their organization and facility.</summary>
public sealed class WorkflowActors(UserManager<WorkflowUser> users, AccessDbContext db)
{
    public async Task<WorkflowActor> ActorOfAsync(WorkflowUser user, CancellationToken ct = default)
    {
        var roles = (await users.GetRolesAsync(user)).Where(SchemeRoles.IsKnown).Order(StringComparer.Ordinal).ToImmutableArray();
        var organization = user.OrganizationId is null ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganizationId, ct);
        return Build(user.UserName!, roles, organization?.Id, organization?.Kind == OrganizationKind.Facility ? organization.FacilityId : null);
    }

    public static WorkflowActor Build(string userName, ImmutableArray<string> roles, string? organizationId, string? facilityId) =>
        new(userName, [.. roles.SelectMany(r => SchemeRoles.GroupsOf(r, facilityId)).Distinct(StringComparer.Ordinal)], roles.Contains(SchemeRoles.Admin))
        {
            Roles = roles,
            OrganizationId = organizationId,
            FacilityId = facilityId,
        };
}

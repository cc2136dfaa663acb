using System.Security.Claims;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Identity;

/// <summary>A signed-in user's claims: name, roles, and their organization and facility, read when they sign in (and at each revalidation).</summary>
public sealed class WorkflowUserClaimsFactory(UserManager<WorkflowUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AccessDbContext db, IOptions<AccessOptions> access)
    : UserClaimsPrincipalFactory<WorkflowUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorkflowUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganizationId is { } orgId && await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId) is { } organization)
        {
            identity.AddClaim(new Claim(WorkflowClaims.Organization, organization.Id));
            if (organization.Kind == OrganizationKind.Facility && organization.FacilityId is { } facilityId)
                identity.AddClaim(new Claim(WorkflowClaims.Facility, facilityId));
        }
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(WorkflowClaims.MustChangePassword, "true"));
        var roleNames = await UserManager.GetRolesAsync(user);
        if (access.Value.RequireTwoFactorForStaff && !user.TwoFactorEnabled && roleNames.Any(r => r == SchemeRoles.Admin || SchemeRoles.IsStaff(r)))
            identity.AddClaim(new Claim(WorkflowClaims.MustSetUpTwoFactor, "true"));
        return identity;
    }
}

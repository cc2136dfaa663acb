using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Identity.SignUp;

/// <summary>
/// Whether a user may sign in yet: a user with an address must have confirmed it (users an admin created with an
/// address are created confirmed), and a self-registered organization must have been approved when staff must approve.
/// </summary>
public sealed class OrganizationUserConfirmation(AccessDbContext db) : IUserConfirmation<WorkflowUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<WorkflowUser> manager, WorkflowUser user)
    {
        if (user.Email is not null && !user.EmailConfirmed)
            return false;
        if (user.OrganizationId is null)
            return true;
        return !await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == user.OrganizationId && o.AwaitingApproval);
    }
}

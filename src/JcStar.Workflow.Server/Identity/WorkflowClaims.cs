using System.Security.Claims;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Server.Identity;

public static class WorkflowClaims
{
    public const string Group = "group";
    public const string AdminRole = "admin";
    public const string AdminPolicy = "admin";

    /// <summary>The runtime's view of the caller: id, groups, and whether they administer.</summary>
    public static WorkflowActor ToActor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? throw new InvalidOperationException("an authenticated user has no name"),
            [.. user.FindAll(Group).Select(c => c.Value)],
            user.IsInRole(AdminRole));
}

using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Server.Identity;

public static class WorkflowClaims
{
    /// <summary>Extra candidate groups; only the test host's identity sets them.</summary>
    public const string Group = "group";
    public const string Organization = "jcstar:org";
    public const string Facility = "jcstar:facility";
    public const string MustChangePassword = "jcstar:must-change-password";
    public const string MustSetUpTwoFactor = "jcstar:must-set-up-2fa";
    public const string AdminRole = SchemeRoles.Admin;
    public const string AdminPolicy = "admin";
    public const string StaffPolicy = "staff";

    /// <summary>Drawing, checking and publishing procedures: admins and scheme managers.</summary>
    public const string ProceduresPolicy = "procedures";

    /// <summary>
    /// The runtime's view of the caller: id, roles and the groups they give, organization and facility. Read from the
    /// claims once per principal (their claims are complete once signed in): a page asks on every row it renders, and
    /// reading them on each ask was a fifth of the inbox's allocations under load.
    /// </summary>
    public static WorkflowActor ToActor(this ClaimsPrincipal user) => Actors.GetValue(user, Read);

    private static readonly ConditionalWeakTable<ClaimsPrincipal, WorkflowActor> Actors = new();

    private static WorkflowActor Read(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("an authenticated user has no name");
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(SchemeRoles.IsKnown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var actor = WorkflowActors.Build(name, roles, user.FindFirst(Organization)?.Value, user.FindFirst(Facility)?.Value);
        var extra = user.FindAll(Group).Select(c => c.Value).ToList();
        return extra.Count == 0 ? actor : actor with { Groups = [.. actor.Groups.Concat(extra).Distinct(StringComparer.Ordinal)] };
    }

    public static bool IsStaffOrAdmin(this ClaimsPrincipal user) =>
        user.IsInRole(SchemeRoles.Admin) || SchemeRoles.Staff.Any(user.IsInRole);
}

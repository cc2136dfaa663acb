using JcStar.Workflow.Identity.Model;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// Who invites colleagues into an applicant organization: its first user (the one who signed it up, or the first
/// account the office made for it), the earliest created; the others see their colleagues but invite no one.
/// </summary>
public static class OrganizationInviter
{
    public static WorkflowUser? Of(IReadOnlyList<WorkflowUser> members) =>
        members.OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName, StringComparer.Ordinal).FirstOrDefault();

    public static bool MayInvite(IReadOnlyList<WorkflowUser> members, string userName) =>
        Of(members) is { IsDisabled: false } first && first.UserName == userName;
}

using Hangfire.Dashboard;

namespace JcStar.Workflow.Server.Identity;

public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(WorkflowClaims.AdminRole);
}

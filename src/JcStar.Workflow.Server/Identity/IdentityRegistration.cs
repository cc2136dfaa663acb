using Microsoft.AspNetCore.Authorization;

namespace JcStar.Workflow.Server.Identity;

public static class IdentityRegistration
{
    /// <summary>Every endpoint needs an authenticated caller (health excepted); admin endpoints need the admin role.</summary>
    public static WebApplicationBuilder AddWorkflowIdentity(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue("Authentication:Headers", false);
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<HeaderAuthenticationOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, o => o.Enabled = enabled);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(WorkflowClaims.AdminPolicy, p => p.RequireRole(WorkflowClaims.AdminRole));
        return builder;
    }
}

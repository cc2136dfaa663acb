using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace JcStar.Workflow.Server.Tests.Portal;

/// <summary>The server allowing two sign-ups per address and hour.</summary>
public sealed class RateLimitedSignUpServerFactory() : WorkflowServerFactory(new Dictionary<string, string>())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:TemplateFolder", RepositoryPaths.InRepo("templates", "mail"));
        builder.UseSetting("Portal:SignUpsPerHour", "2");
    }
}

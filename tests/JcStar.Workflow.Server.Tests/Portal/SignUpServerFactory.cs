using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace JcStar.Workflow.Server.Tests.Portal;

/// <summary>The server with staff approval of new organizations switched on and mail written to .eml files at once.</summary>
public sealed class SignUpServerFactory() : WorkflowServerFactory(new Dictionary<string, string>())
{
    public string OutboxFolder => Path.Combine(DataRoot, "outbox");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:DispatchInterval", "00:00:00.200");
        builder.UseSetting("Mail:TemplateFolder", RepositoryPaths.InRepo("templates", "mail"));
        builder.UseSetting("Portal:RequireApproval", "true");
        builder.UseSetting("Portal:SignUpsPerHour", "1000");
    }
}

using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace JcStar.Workflow.Server.Tests.Public;

/// <summary>The server with the real appeals, complaints and disputes workflow, mail dispatched at once to .eml files, and a complaint limit per hour.</summary>
public class ComplaintServerFactory() : WorkflowServerFactory(new Dictionary<string, string>
{
    ["appeals-complaints-disputes.bpmn"] = File.ReadAllText(RepositoryPaths.InRepo("workflows", "appeals-complaints-disputes.bpmn")),
})
{
    protected virtual int ComplaintsPerHour => 100;

    public string OutboxFolder => Path.Combine(DataRoot, "outbox");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:DispatchInterval", "00:00:00.200");
        builder.UseSetting("Mail:TemplateFolder", RepositoryPaths.InRepo("templates", "mail"));
        builder.UseSetting("Public:ComplaintsPerHour", ComplaintsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// The real server on a fresh SQLite data folder with the development header identity, deploying
/// the test workflow folder at start. The Hangfire server stays off: these tests drive the API, and
/// the runtime tests cover timers.
/// </summary>
public class WorkflowServerFactory : WebApplicationFactory<Program>
{
    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "jcstar-server-tests", Guid.NewGuid().ToString("N"));

    public string WorkflowFolder => Path.Combine(DataRoot, "workflows");

    public WorkflowServerFactory()
        : this(new Dictionary<string, string>
        {
            ["approval.bpmn"] = TestProcesses.Approval("Review"),
            ["broken.bpmn"] = "<definitions><oops",
        })
    {
    }

    /// <param name="workflows">File name to BPMN text, deployed at start.</param>
    protected WorkflowServerFactory(IReadOnlyDictionary<string, string> workflows)
    {
        Directory.CreateDirectory(WorkflowFolder);
        foreach (var (name, xml) in workflows)
            File.WriteAllText(Path.Combine(WorkflowFolder, name), xml);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Root", DataRoot);
        builder.UseSetting("Workflows:Path", WorkflowFolder);
        builder.UseSetting("Authentication:Headers", "true");
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Hangfire:Dashboard", "false");
    }

    public HttpClient ClientFor(string user, string? groups = null, string? roles = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-User", user);
        if (groups is not null)
            client.DefaultRequestHeaders.Add("X-Groups", groups);
        if (roles is not null)
            client.DefaultRequestHeaders.Add("X-Roles", roles);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Hangfire's SQLite storage may still hold its file for a moment; the temp folder is disposable anyway.
        }
    }
}

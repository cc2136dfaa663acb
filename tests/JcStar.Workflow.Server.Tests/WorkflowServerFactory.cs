using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// The real server on a fresh SQLite data folder, with the test host's header identity beside the real sign-in
/// (a request with X-User is that user; any other request goes through cookies and tokens), deploying
/// the test workflow folder at start. The Hangfire server stays off: these tests drive the API, and
/// the runtime tests cover timers.
/// </summary>
public class WorkflowServerFactory : WebApplicationFactory<Program>
{
    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "jcstar-server-tests", Guid.NewGuid().ToString("N"));

    public string WorkflowFolder => Path.Combine(DataRoot, "workflows");

    /// <summary>The first administrator's password in these tests (changed at first sign-in, as in production).</summary>
    public const string InitialAdminPassword = "First-Admin-Pass-2026";

    /// <summary>The sign-in rate limit of this server (tests of the limit itself lower it).</summary>
    protected virtual int SignInAttemptsPerMinute => 1000;

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
        Directory.CreateDirectory(Path.Combine(WorkflowFolder, "forms"));
        foreach (var (name, xml) in workflows)
            File.WriteAllText(Path.Combine(WorkflowFolder, name), xml);
        File.WriteAllText(Path.Combine(WorkflowFolder, "forms", "approval-start.form"), TestProcesses.ApprovalStartForm);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Root", DataRoot);
        builder.UseSetting("Workflows:Path", WorkflowFolder);
        builder.UseSetting("Authentication:InitialAdminPassword", InitialAdminPassword);
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestHeaderAuthentication>(TestHeaderAuthentication.SchemeName, null);
            services.PostConfigure<Microsoft.AspNetCore.Authentication.PolicySchemeOptions>("jcstar", o =>
            {
                var real = o.ForwardDefaultSelector!;
                o.ForwardDefaultSelector = http => http.Request.Headers.ContainsKey("X-User") ? TestHeaderAuthentication.SchemeName : real(http);
            });
        });
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Hangfire:Dashboard", "false");
    }

    public HttpClient ClientFor(string user, string? groups = null, string? roles = null, string? org = null, string? facility = null)
    {
        var client = CreateClient();
        if (org is not null)
            client.DefaultRequestHeaders.Add("X-Org", org);
        if (facility is not null)
            client.DefaultRequestHeaders.Add("X-Facility", facility);
        client.DefaultRequestHeaders.Add("X-User", user);
        if (groups is not null)
            client.DefaultRequestHeaders.Add("X-Groups", groups);
        if (roles is not null)
            client.DefaultRequestHeaders.Add("X-Roles", roles);
        return client;
    }

    /// <summary>Writes a form under the deployed workflow folder's forms/ (read on each use).</summary>
    public void WriteForm(string key, string json) => File.WriteAllText(Path.Combine(WorkflowFolder, "forms", key + ".form"), json);

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

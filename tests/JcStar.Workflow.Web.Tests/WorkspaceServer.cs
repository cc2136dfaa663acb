using System.Net;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 and a free port, on a fresh SQLite data folder, deploying the
/// repository's workflows/ and filling letters from its templates/, as a clerk's browser would meet it.
/// Hangfire's server stays off: the ★1 steps these tests walk run inline, and no timer is due.
/// </summary>
public sealed class WorkspaceServer : WebApplicationFactory<Program>
{
    public WorkspaceServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The first administrator's password ('admin'), as the server prints or is configured with; changed at first sign-in.</summary>
    public const string InitialAdminPassword = "First-Admin-Pass-2026";

    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "jcstar-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Settings over the defaults below, for a fixture that needs its own (set before the server starts).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Where the default mail transport writes its .eml files (no SMTP host is configured).</summary>
    public string OutboxFolder => Path.Combine(DataRoot, "outbox");

    /// <summary>Where the started server listens, ending in a slash.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Root", DataRoot);
        builder.UseSetting("Workflows:Path", RepositoryPaths.InRepo("workflows"));
        builder.UseSetting("Workflows:FormsPath", RepositoryPaths.InRepo("workflows", "forms"));
        builder.UseSetting("Documents:TemplatesRoot", RepositoryPaths.InRepo("templates"));
        builder.UseSetting("Mail:TemplateFolder", RepositoryPaths.InRepo("templates", "mail"));
        builder.UseSetting("Scheme:Calendar:HolidaysFile", RepositoryPaths.InRepo("workflows", "calendar", "syukujitsu.csv"));
        builder.UseSetting("Authentication:InitialAdminPassword", InitialAdminPassword);
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Hangfire:Dashboard", "false");
        builder.UseSetting("Backup:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
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
            // A SQLite file may still be held for a moment; the temp folder is disposable anyway.
        }
    }
}

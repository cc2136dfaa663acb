using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Backup.Tests;

/// <summary>The real server on a given data root (and, for PostgreSQL, database), with the repository's templates.</summary>
public sealed class DrillServer(string dataRoot, string workflows, bool runHangfire, TimeSpan mailInterval, string? postgres = null) : WebApplicationFactory<Program>
{
    /// <summary>Settings a test adds or overrides.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Root", dataRoot);
        builder.UseSetting("Workflows:Path", workflows);
        builder.UseSetting("Hangfire:Server", runHangfire ? "true" : "false");
        builder.UseSetting("Hangfire:Dashboard", "false");
        builder.UseSetting("Hangfire:SchedulePollingInterval", "00:00:00.200");
        builder.UseSetting("Hangfire:SweepInterval", "00:00:01");
        builder.UseSetting("Hangfire:WorkerCount", "2");
        builder.UseSetting("Mail:DispatchInterval", mailInterval.ToString("c"));
        builder.UseSetting("Documents:TemplatesRoot", RepositoryPaths.InRepo("templates"));
        builder.UseSetting("Mail:TemplateFolder", RepositoryPaths.InRepo("templates", "mail"));
        builder.UseSetting("Backup:Enabled", "false");
        builder.UseSetting("Backup:Folder", Path.Combine(dataRoot, "..", "scheduled-backups"));
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", postgres);
            builder.UseSetting("Database:MigrateAtStart", "true");
        }
    }

    /// <summary>An administrator signed in with a real personal access token (the user is created once; a restored database already has it).</summary>
    public HttpClient Admin()
    {
        using var scope = Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        try
        {
            administration.CreateUserAsync(new NewUser("drill-admin", "admin", Password: "Drill-Admin-Pass-2026")).GetAwaiter().GetResult();
        }
        catch (WorkflowInputException)
        {
            // Already there: the restored database carries the user register too.
        }
        var token = administration.CreateTokenAsync("drill-admin", "drill", TimeSpan.FromHours(1)).GetAwaiter().GetResult();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    /// <summary>Starts a case the way the runtime's own callers do: the drill is about what a backup keeps, not about who may start.</summary>
    public Task<WorkflowInstance> StartAsync(string process, string businessKey, System.Collections.Immutable.ImmutableDictionary<string, System.Text.Json.JsonElement> variables) =>
        Services.GetRequiredService<WorkflowRuntime>().StartAsync(process, businessKey, variables, WorkflowActor.System);

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

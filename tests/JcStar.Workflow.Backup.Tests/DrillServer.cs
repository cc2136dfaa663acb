using JcStar.Workflow.Persistence;
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
        builder.UseSetting("Authentication:Headers", "true");
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

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-User", "admin");
        client.DefaultRequestHeaders.Add("X-Groups", "reviewers");
        client.DefaultRequestHeaders.Add("X-Roles", "admin");
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

using JcStar.Workflow.Hangfire;
using JcStar.Workflow.Hangfire.Hosting;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>
/// The kill test's worker, wired as a server wires it: Hangfire (on SQLite beside the database file, or
/// in the PostgreSQL workflow database) plus a short periodic sweep. Starts JC-(start-from)..JC-(count-1),
/// printing "started JC-i" after each start has committed, then processes until killed.
/// </summary>
public static class KillWorker
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var folder = args["folder"];
        var count = args.Int("count", 500);
        var (storage, hangfireConnection) = args["provider"] == "Sqlite"
            ? (HangfireStorageKind.Sqlite, Path.Combine(folder, "hangfire.db"))
            : (HangfireStorageKind.PostgreSql, args["db"]);

        var builder = Host.CreateApplicationBuilder();
        NodeSetup.Logging(builder.Logging, new ErrorLog());
        builder.Services.AddWorkflowEfStores(NodeSetup.Database(args));
        builder.Services.AddWorkflowRuntime(o =>
        {
            o.JobLease = TimeSpan.FromSeconds(10);
            o.SweepGrace = TimeSpan.FromSeconds(3);
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
        });
        builder.Services.AddSingleton<IActivityHandler>(new CountedWork(Path.Combine(folder, "effects.txt")));
        builder.Services.AddWorkflowHangfire(
            new WorkflowHangfireOptions { WorkerCount = 8, Dashboard = false, SweepInterval = TimeSpan.FromSeconds(2) },
            storage,
            hangfireConnection);
        using var host = builder.Build();

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();
        await host.Services.GetRequiredService<DefinitionDeployment>().DeployAsync(KillProcess.Xml, "kill.bpmn", WorkflowActor.System);
        await host.StartAsync();

        // Starts only what it is told to, in order, and says so after each commit: a worker that looked for
        // missing instances and started them again would hide a start the kill took back.
        var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
        for (var i = args.Int("start-from", 0); i < count; i++)
        {
            await runtime.StartAsync("Kill", $"JC-{i}", null, WorkflowActor.System);
            Console.WriteLine($"started JC-{i}");
        }
        Console.WriteLine("all started");
        await host.WaitForShutdownAsync();
        return 0;
    }
}

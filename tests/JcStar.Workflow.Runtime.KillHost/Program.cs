using JcStar.Workflow.Hangfire;
using JcStar.Workflow.Hangfire.Hosting;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.KillHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A worker the kill test starts, SIGKILLs mid-run and starts again: usage KillHost DIR COUNT.
// Starts instances JC-0..JC-(COUNT-1) that do not exist yet, then processes until killed.
var folder = args[0];
var count = int.Parse(args[1]);
var connection = SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(folder, "workflow.db"));

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddWorkflowEfStores(o => SqliteWorkflowDatabase.Configure(o, connection));
builder.Services.AddWorkflowRuntime(o =>
{
    o.JobLease = TimeSpan.FromSeconds(10);
    o.SweepGrace = TimeSpan.FromSeconds(3);
    o.RetryBaseDelay = TimeSpan.FromSeconds(1);
});
builder.Services.AddSingleton<IActivityHandler>(new CountedWork(Path.Combine(folder, "effects.txt")));
builder.Services.AddWorkflowHangfire(
    new WorkflowHangfireOptions { WorkerCount = 8, Dashboard = false, SweepInterval = TimeSpan.FromSeconds(2) },
    HangfireStorageKind.Sqlite,
    Path.Combine(folder, "hangfire.db"));
using var host = builder.Build();

await using (var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
    await db.Database.MigrateAsync();
await host.Services.GetRequiredService<DefinitionDeployment>().DeployAsync(KillProcess.Xml, "kill.bpmn", WorkflowActor.System);
await host.StartAsync();

var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
var instances = host.Services.GetRequiredService<IInstanceStore>();
for (var i = 0; i < count; i++)
{
    var key = $"JC-{i}";
    if ((await instances.QueryAsync(new InstanceQuery(BusinessKey: key), CancellationToken.None)).Items.Count == 0)
        await runtime.StartAsync("Kill", key, null, WorkflowActor.System);
}
Console.WriteLine("all started");
await host.WaitForShutdownAsync();

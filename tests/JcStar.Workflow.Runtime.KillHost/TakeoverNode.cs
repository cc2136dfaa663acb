using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
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
/// The takeover test's nodes, wired as a server wires them (Hangfire, the startup and periodic sweeps) with the
/// product's own lease and sweep settings unless <c>--lease</c> and <c>--sweep</c> (seconds) say otherwise.
/// <c>--role hold</c> deploys the Takeover process, starts TK-1 and, once its step's job is leased, prints
/// "began {jobId} {leasedAt:O}" and holds the step until the process is killed. <c>--role finish</c> is the node
/// started after that kill: it runs the step, prints "finished {jobId} {at:O}" when the job has completed, and
/// reports the completion time and how many times its handler ran.
/// </summary>
public static class TakeoverNode
{
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:takeover">
          <process id="Takeover" isExecutable="true">
            <startEvent id="Start" />
            <serviceTask id="Step" jc:activity="takeover.step" jc:async="true" jc:retries="3" />
            <userTask id="Check" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Step" />
            <sequenceFlow id="f2" sourceRef="Step" targetRef="Check" />
            <sequenceFlow id="f3" sourceRef="Check" targetRef="End" />
          </process>
        </definitions>
        """;

    public static async Task<int> RunAsync(Arguments args)
    {
        var role = args["role"];
        var folder = args["folder"];
        var (storage, hangfireConnection) = args["provider"] == "Sqlite"
            ? (HangfireStorageKind.Sqlite, Path.Combine(folder, "hangfire.db"))
            : (HangfireStorageKind.PostgreSql, args["db"]);
        var lease = args.Int("lease", 0);
        var sweep = args.Int("sweep", 0);

        var builder = Host.CreateApplicationBuilder();
        NodeSetup.Logging(builder.Logging, new ErrorLog());
        builder.Services.AddWorkflowEfStores(NodeSetup.Database(args));
        builder.Services.AddWorkflowRuntime(o =>
        {
            if (lease > 0)
                o.JobLease = TimeSpan.FromSeconds(lease);
        });
        var step = new Step(role == "hold");
        builder.Services.AddSingleton<IActivityHandler>(step);
        var hangfire = new WorkflowHangfireOptions { Dashboard = false };
        if (sweep > 0)
            hangfire.SweepInterval = TimeSpan.FromSeconds(sweep);
        builder.Services.AddWorkflowHangfire(hangfire, storage, hangfireConnection);
        using var host = builder.Build();

        if (role == "hold")
        {
            await using (var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
                await db.Database.MigrateAsync();
            await host.Services.GetRequiredService<DefinitionDeployment>().DeployAsync(Xml, "takeover.bpmn", WorkflowActor.System);
            await host.StartAsync();
            await host.Services.GetRequiredService<WorkflowRuntime>().StartAsync("Takeover", "TK-1", null, WorkflowActor.System);
            await host.WaitForShutdownAsync();
            return 0;
        }

        var jobId = args["job"];
        await host.StartAsync();
        var jobs = host.Services.GetRequiredService<IJobStore>();
        while (true)
        {
            var job = await jobs.FindAsync(jobId, CancellationToken.None);
            if (job is { Status: not JobStatus.Pending })
            {
                var at = DateTimeOffset.UtcNow;
                Console.WriteLine($"finished {jobId} {at:O}");
                NodeSetup.Report(new { status = job.Status.ToString(), finishedAt = job.FinishedAt, runs = step.Runs, attempts = job.Attempts, lastError = job.LastError });
                break;
            }
            await Task.Delay(100);
        }
        await host.StopAsync();
        return 0;
    }

    /// <summary>Holding: says when it began and never returns. Finishing: returns at once, counting its runs.</summary>
    private sealed class Step(bool hold) : IActivityHandler
    {
        private int _runs;

        public string Name => "takeover.step";

        public int Runs => Volatile.Read(ref _runs);

        public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            if (!hold)
                return ActivityResult.Completed();
            Console.WriteLine($"began {context.IdempotencyKey} {DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}");
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return ActivityResult.Completed();
        }
    }
}

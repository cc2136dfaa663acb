using System.Text.Json;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Two nodes as two OS processes (tests/JcStar.Workflow.Runtime.KillHost in its node modes), each with
/// its own runtime, pools and caches, on one PostgreSQL database of their own, racing for the same work.
/// Both are held at a start barrier ("ready" … "go") so they begin together.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TwoNodeTests
{
    private const int Tasks = 2000;
    private const int Instances = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Where the time went, in the test's output.</summary>
    private void Phase(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1}s {what}");

    [Fact]
    public async Task Two_node_processes_racing_to_complete_the_same_2000_tasks_complete_each_exactly_once_and_every_loser_gets_a_conflict()
    {
        await using var database = await ScratchPostgres.CreateAsync("jcstar_two_node");
        Phase("database created");
        var taskIds = await SeedApprovalsAsync(database);
        Phase($"{Tasks} tasks seeded");
        var folder = Folder();
        var list = Path.Combine(folder, "tasks.txt");
        await File.WriteAllLinesAsync(list, taskIds, Ct);

        // Both nodes walk the same list in the same order, four loops each.
        using var a = KillHostProcess.Start("complete", "--provider", TestDatabase.PostgreSql, "--db", database.ConnectionString, "--node", "node-a", "--tasks", list);
        using var b = KillHostProcess.Start("complete", "--provider", TestDatabase.PostgreSql, "--db", database.ConnectionString, "--node", "node-b", "--tasks", list);
        var reports = await RaceAsync(a, b);
        Phase("both nodes reported");

        foreach (var report in reports)
        {
            Assert.True(Strings(report, "failures").Count == 0, "failures: " + string.Join("\n", Strings(report, "failures")));
            Assert.Empty(Strings(report, "loggedErrors"));
        }
        var completedA = Strings(reports[0], "completed");
        var completedB = Strings(reports[1], "completed");
        // It really raced: each node won some and lost some.
        Assert.NotEmpty(completedA);
        Assert.NotEmpty(completedB);
        Assert.Empty(completedA.Intersect(completedB));
        Assert.Equal(Tasks, completedA.Count + completedB.Count);
        Assert.Equal(taskIds.Order(StringComparer.Ordinal), completedA.Concat(completedB).Order(StringComparer.Ordinal));
        // Every attempt that did not complete was a WorkflowConflictException (the API's 409, see
        // ServerApiTests.A_case_runs_from_start_through_the_inbox_to_completion_and_a_second_completion_is_409):
        // 2 × 2000 attempts, 2000 completions, 2000 conflicts, nothing else.
        var conflicts = reports.Sum(r => r.GetProperty("conflicts").EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Equal(Tasks, conflicts);
        Assert.All(reports.SelectMany(r => r.GetProperty("conflicts").EnumerateObject()),
            c => Assert.Contains(c.Name, new[] { nameof(ConflictReason.NoLongerPending), nameof(ConflictReason.ConcurrentUpdate) }));

        // The database agrees with what the nodes said: each task completed once, by the node that says it won.
        await using var db = database.NewContext();
        var tasks = await db.Tasks.AsNoTracking().Select(t => new { t.Id, t.Status, t.CompletedBy, t.InstanceId }).ToListAsync(Ct);
        Assert.Equal(Tasks, tasks.Count);
        Assert.All(tasks, t => Assert.Equal((int)HumanTaskStatus.Completed, t.Status));
        Assert.Equal(completedA.Order(StringComparer.Ordinal), tasks.Where(t => t.CompletedBy == "reviewer-node-a").Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(completedB.Order(StringComparer.Ordinal), tasks.Where(t => t.CompletedBy == "reviewer-node-b").Select(t => t.Id).Order(StringComparer.Ordinal));
        var completions = await db.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.TaskCompleted)
            .Select(e => new { e.InstanceId, e.Actor }).ToListAsync(Ct);
        Assert.Equal(Tasks, completions.Count);
        Assert.Equal(
            tasks.Select(t => $"{t.InstanceId} {t.CompletedBy}").Order(StringComparer.Ordinal),
            completions.Select(e => $"{e.InstanceId} {e.Actor}").Order(StringComparer.Ordinal));
        var ended = await db.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.InstanceEnded).GroupBy(e => e.InstanceId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(Tasks, ended.Count);
        Assert.All(ended, n => Assert.Equal(1, n));
        Assert.Equal(Tasks, await db.Instances.CountAsync(i => i.Status == 1 && i.EndedAt != null, Ct));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_node_processes_sweeping_the_same_timers_and_async_jobs_run_and_fire_each_exactly_once()
    {
        await using var database = await ScratchPostgres.CreateAsync("jcstar_two_node");
        Phase("database created");
        var folder = Folder();
        // Half the instances are started before the race with their wake-ups lost (node a seeds them before
        // saying "ready"): only a sweep finds them. Each node starts a quarter itself after "go": its own
        // wake-ups race the other node's sweep.
        string[] Node(string id, int seed, int start) =>
            ["sweep", "--provider", TestDatabase.PostgreSql, "--db", database.ConnectionString, "--node", id, "--folder", folder,
             "--seed", seed.ToString(), "--start", start.ToString(), "--count", (Instances / 4).ToString()];
        using var a = KillHostProcess.Start(Node("node-a", Instances / 2, Instances / 2));
        using var b = KillHostProcess.Start(Node("node-b", 0, Instances * 3 / 4));
        await Task.WhenAll(a.WaitForLineAsync("ready", Ct), b.WaitForLineAsync("ready", Ct));
        await Task.WhenAll(a.SendAsync("go"), b.SendAsync("go"));
        Phase("both nodes ready and going");

        var finished = await Poll.UntilAsync(async () =>
        {
            await using var db = database.NewContext();
            return await db.Instances.CountAsync(i => i.EndedAt != null, Ct) == Instances;
        }, () => a.HasExited || b.HasExited, Ct);
        await Task.WhenAll(a.SendAsync("stop"), b.SendAsync("stop"));
        var reports = await Task.WhenAll(a.ReportAsync(Ct), b.ReportAsync(Ct));
        Phase($"every instance ended: {finished}; both nodes reported");
        Assert.True(finished, $"not every instance ended\nnode-a: {a.Errors}\nnode-b: {b.Errors}");

        foreach (var report in reports)
        {
            Assert.True(Strings(report, "failures").Count == 0, "failures: " + string.Join("\n", Strings(report, "failures")));
            Assert.Empty(Strings(report, "loggedErrors"));
            // It really raced: each node fired timers or ran jobs.
            Assert.True(report.GetProperty("jobsRun").GetInt32() + report.GetProperty("timersFired").GetInt32() > 0, $"{report} did nothing");
        }
        // What the nodes say they did adds up to one run per job and one firing per timer.
        Assert.True(Instances == reports.Sum(r => r.GetProperty("jobsRun").GetInt32()), $"jobs run: {reports[0]} {reports[1]}");
        Assert.True(Instances == reports.Sum(r => r.GetProperty("timersFired").GetInt32()), $"timers fired: {reports[0]} {reports[1]}");

        await using var check = database.NewContext();
        Assert.Equal(Instances, await check.Instances.CountAsync(i => i.Status == 1, Ct));
        var perInstance = await check.AuditLog.AsNoTracking().Where(e => e.InstanceId != null)
            .GroupBy(e => new { e.InstanceId, e.Action }).Select(g => new { g.Key.Action, Count = g.Count() }).ToListAsync(Ct);
        foreach (var action in new[] { AuditActions.InstanceStarted, AuditActions.ActivityCompleted, AuditActions.TimerFired, AuditActions.InstanceEnded })
        {
            Assert.Equal(Instances, perInstance.Count(x => x.Action == action));
            Assert.All(perInstance.Where(x => x.Action == action), x => Assert.Equal(1, x.Count));
        }
        var jobs = await check.Jobs.AsNoTracking().Select(j => new { j.Id, j.Status, j.FinishedAt }).ToListAsync(Ct);
        Assert.Equal(Instances, jobs.Count);
        var unfinished = jobs.Where(j => j.Status != (int)JobStatus.Completed || j.FinishedAt is null).ToList();
        Assert.True(unfinished.Count == 0, "jobs not recorded as completed: " + string.Join(", ", unfinished));
        // The rows must say what happened: a timer that fired reads Fired, not Cancelled by a node that lost the race.
        var timers = await check.Timers.AsNoTracking().Select(t => new { t.Id, t.Status, t.FiredAt }).ToListAsync(Ct);
        Assert.Equal(Instances, timers.Count);
        var unfired = timers.Where(t => t.Status != (int)TimerStatus.Fired || t.FiredAt is null).ToList();
        Assert.True(unfired.Count == 0, "timers not recorded as fired: " + string.Join(", ", unfired));
        // The handler's outside effect, counted across both nodes: no kill here, so exactly once each.
        var effects = Directory.GetFiles(folder, "effects-*.txt").SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        Assert.Equal(Instances, effects.Count);
        Assert.Equal(Instances, effects.Distinct().Count());
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<List<string>> SeedApprovalsAsync(ScratchPostgres database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(database.Configure);
        services.AddWorkflowRuntime();
        await using var seeder = services.BuildServiceProvider();
        await seeder.GetRequiredService<DefinitionDeployment>().DeployAsync(Processes.Approval(), "approval.bpmn", Actors.Admin, Ct);
        var runtime = seeder.GetRequiredService<WorkflowRuntime>();
        await Parallel.ForAsync(0, Tasks, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
            await runtime.StartAsync("Approval", $"JC-{i}", null, Actors.Admin, ct));
        await using var db = database.NewContext();
        var taskIds = await db.Tasks.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(Ct);
        Assert.Equal(Tasks, taskIds.Count);
        return taskIds;
    }

    private async Task<JsonElement[]> RaceAsync(KillHostProcess a, KillHostProcess b)
    {
        await Task.WhenAll(a.WaitForLineAsync("ready", Ct), b.WaitForLineAsync("ready", Ct));
        Phase("both nodes ready");
        await Task.WhenAll(a.SendAsync("go"), b.SendAsync("go"));
        return await Task.WhenAll(a.ReportAsync(Ct), b.ReportAsync(Ct));
    }

    private static List<string> Strings(JsonElement report, string property) =>
        [.. report.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jcstar-two-node-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

using System.Diagnostics;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Crash safety: a worker process (tests/JcStar.Workflow.Runtime.KillHost) runs 500 instances with an
/// async activity and a timer each, is SIGKILLed mid-run, and is started again. Every instance must
/// end exactly once, every job and timer commit exactly once, and nothing half-done may remain.
/// </summary>
[Collection(Support.DatabaseCollection.Name)]
public sealed class KillTests
{
    private const int Count = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_killed_mid_run_and_restarted_completes_every_instance_exactly_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jcstar-kill-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteWorkflowDatabase.Configure(options, SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(folder, "workflow.db")));

        using (var first = StartWorker(folder))
        {
            // Kill while work is in flight: some instances started, some jobs done, none finished everywhere.
            var inFlight = await WaitAsync(async () =>
            {
                await using var db = new WorkflowDbContext(options.Options);
                return await TableExistsAsync(db) && await db.AuditLog.CountAsync(a => a.Action == AuditActions.ActivityCompleted, Ct) >= 30;
            }, TimeSpan.FromSeconds(120));
            Assert.True(inFlight, "the worker made no progress before the kill");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Ct);
        }
        await using (var db = new WorkflowDbContext(options.Options))
            Assert.True(await db.Instances.CountAsync(i => i.EndedAt == null, Ct) > 0, "the kill came too late to interrupt anything");

        using var second = StartWorker(folder);
        try
        {
            var finished = await WaitAsync(async () =>
            {
                await using var db = new WorkflowDbContext(options.Options);
                return await db.Instances.CountAsync(i => i.Status == 1, Ct) == Count;
            }, TimeSpan.FromSeconds(240));
            Assert.True(finished, "not every instance completed after the restart");
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(CancellationToken.None);
        }

        await using var check = new WorkflowDbContext(options.Options);
        Assert.Equal(Count, await check.Instances.CountAsync(Ct));
        var perInstance = await check.AuditLog.Where(a => a.InstanceId != null)
            .GroupBy(a => new { a.InstanceId, a.Action }).Select(g => new { g.Key.Action, Count = g.Count() }).ToListAsync(Ct);
        foreach (var action in new[] { AuditActions.InstanceStarted, AuditActions.ActivityCompleted, AuditActions.TimerFired, AuditActions.InstanceEnded })
        {
            Assert.Equal(Count, perInstance.Count(x => x.Action == action));
            Assert.All(perInstance.Where(x => x.Action == action), x => Assert.Equal(1, x.Count));
        }
        Assert.Equal(Count, await check.Jobs.CountAsync(j => j.Status == 1, Ct));
        Assert.Equal(Count, await check.Timers.CountAsync(t => t.Status == 1, Ct));
        Assert.Equal(0, await check.Jobs.CountAsync(j => j.Status == 0, Ct));
        var effects = File.ReadAllLines(Path.Combine(folder, "effects.txt")).Where(l => l.Length > 0).GroupBy(l => l).ToList();
        Assert.Equal(Count, effects.Count);
        // The handler's outside effect is at least once: only runs in flight at the kill may repeat.
        Assert.True(effects.Count(g => g.Count() > 1) <= 16, $"{effects.Count(g => g.Count() > 1)} effects repeated");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static Process StartWorker(string folder)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Runtime.KillHost", "bin", configuration, "net10.0", "JcStar.Workflow.Runtime.KillHost.dll");
        Assert.True(File.Exists(dll), $"build the kill host first: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add(Count.ToString());
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> TableExistsAsync(WorkflowDbContext db)
    {
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync(Ct)).Any();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await condition())
                    return true;
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The worker may be creating the schema.
            }
            await Task.Delay(200, Ct);
        }
        return false;
    }
}

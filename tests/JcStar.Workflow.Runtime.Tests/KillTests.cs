using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Crash safety: a worker process (tests/JcStar.Workflow.Runtime.KillHost, wired as a server: Hangfire
/// plus the periodic sweep) runs 500 instances with an async activity and a timer each, is SIGKILLed
/// mid-run, and is started again. Every instance must end exactly once, every job and timer commit exactly
/// once, and nothing half-done may remain. On SQLite (Hangfire in a file beside it) and on PostgreSQL
/// (Hangfire in the same database, a scratch one of its own: jcstar_kill_…).
/// </summary>
[Collection(Support.DatabaseCollection.Name)]
public sealed class KillTests
{
    private const int Count = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Where the time went, in the test's output.</summary>
    private void Phase(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1}s {what}");

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_worker_killed_mid_run_and_restarted_completes_every_instance_exactly_once(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jcstar-kill-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var postgres = provider == TestDatabase.PostgreSql ? await ScratchPostgres.CreateAsync("jcstar_kill") : null;
        var connection = postgres?.ConnectionString ?? SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(folder, "workflow.db"));
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        if (postgres is null)
            SqliteWorkflowDatabase.Configure(options, connection);
        else
            postgres.Configure(options);
        await using (var db = new WorkflowDbContext(options.Options))
            await db.Database.MigrateAsync(Ct);
        Phase($"{provider} database migrated");

        using (var first = StartWorker(provider, connection, folder))
        {
            // Kill while work is in flight: some instances started, some jobs done, none finished everywhere.
            var inFlight = await Poll.UntilAsync(async () =>
            {
                await using var db = new WorkflowDbContext(options.Options);
                return await db.AuditLog.CountAsync(a => a.Action == AuditActions.ActivityCompleted, Ct) >= 30;
            }, () => first.HasExited, Ct);
            Assert.True(inFlight, $"the worker made no progress before the kill; stderr:\n{first.Errors}");
            await first.KillAsync();
            Phase("first worker killed");
        }
        await using (var db = new WorkflowDbContext(options.Options))
            Assert.True(await db.Instances.CountAsync(i => i.EndedAt == null, Ct) > 0, "the kill came too late to interrupt anything");

        using (var second = StartWorker(provider, connection, folder))
        {
            var finished = await Poll.UntilAsync(async () =>
            {
                await using var db = new WorkflowDbContext(options.Options);
                return await db.Instances.CountAsync(i => i.Status == 1, Ct) == Count;
            }, () => second.HasExited, Ct);
            Assert.True(finished, $"not every instance completed after the restart; stderr:\n{second.Errors}");
            Phase("every instance completed after the restart");
            await second.KillAsync();
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
        // Kept when the test fails (the assertions above throw first): the files are the evidence.
        Directory.Delete(folder, recursive: true);
    }

    private static KillHostProcess StartWorker(string provider, string connection, string folder) =>
        KillHostProcess.Start("work", "--provider", provider, "--db", connection, "--folder", folder, "--count", Count.ToString());
}

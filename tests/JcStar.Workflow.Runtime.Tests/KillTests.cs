using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Crash safety: a worker process (tests/JcStar.Workflow.Runtime.KillHost, wired as a server: Hangfire
/// plus the periodic sweep) runs 500 instances with an async activity and a timer each and is SIGKILLed
/// several times at random points of its progress (seeded; the seed is in every failure message and
/// JCSTAR_KILL_SEED replays it), each time started again. Every audit row seen committed before a kill must
/// still be there after it; every start the worker acknowledged must exist, and a restarted worker starts
/// only the instances after the last one that exists, never one it finds missing, so a lost commit fails
/// the test. At the end every instance has ended exactly once, every job and timer has run exactly once,
/// and nothing is left pending. On SQLite (Hangfire in a file beside it) and on PostgreSQL (Hangfire in
/// the same database, a scratch one of its own: jcstar_kill_…).
/// </summary>
[Collection(Support.DatabaseCollection.Name)]
public sealed class KillTests
{
    private const int Count = 500;
    private const int Kills = 3;

    /// <summary>Audit rows per instance: started, activity completed, timer fired, ended.</summary>
    private const int AuditPerInstance = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Where the time went, in the test's output.</summary>
    private void Phase(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1}s {what}");

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_worker_killed_several_times_at_random_points_loses_no_commit_and_completes_every_instance_exactly_once(string provider)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JCSTAR_KILL_SEED"), out var given) ? given : Random.Shared.Next();
        Phase($"seed {seed}");
        try
        {
            await RunAsync(provider, seed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"kill test on {provider} failed with seed {seed} (JCSTAR_KILL_SEED={seed} replays its kill points):\n{e.Message}", e);
        }
    }

    private async Task RunAsync(string provider, int seed)
    {
        var random = new Random(seed);
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

        // Kill points: audit rows committed so far, random over the run's first three quarters, in order.
        var points = Enumerable.Range(0, Kills).Select(_ => random.Next(10, Count * AuditPerInstance * 3 / 4)).Order().ToList();
        var committedBeforeKills = new HashSet<long>();
        var acknowledged = new HashSet<int>();
        var startFrom = 0;
        var interrupted = 0;
        foreach (var point in points)
        {
            using var worker = StartWorker(provider, connection, folder, startFrom);
            var reached = await Poll.UntilAsync(async () => await AuditCountAsync(options) >= point, () => worker.HasExited, Ct);
            Assert.True(reached, $"the worker exited before {point} audit rows; stderr:\n{worker.Errors}");
            await Task.Delay(random.Next(0, 250), Ct);

            // Whatever can be read now has been committed; the kill must not take any of it back.
            var seen = await AuditIdsAsync(options);
            await worker.KillAsync();
            committedBeforeKills.UnionWith(seen);
            acknowledged.UnionWith(worker.TakeLines().Where(l => l.StartsWith("started JC-", StringComparison.Ordinal)).Select(l => int.Parse(l["started JC-".Length..])));

            var after = await AuditIdsAsync(options);
            var lost = seen.Except(after).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} audit rows committed before the kill at {point} are gone (ids {string.Join(", ", lost.Take(10))})");

            await using var db = new WorkflowDbContext(options.Options);
            var keys = await db.Instances.Select(i => i.BusinessKey).ToListAsync(Ct);
            var started = keys.Select(k => int.Parse(k!["JC-".Length..])).Order().ToList();
            Assert.True(started.Count == keys.Distinct().Count(), "an instance was started twice");
            var missing = acknowledged.Except(started).Order().ToList();
            Assert.True(missing.Count == 0, $"starts acknowledged before the kill at {point} are gone: JC-{string.Join(", JC-", missing.Take(10))}");
            // The worker starts in order: what exists is JC-0..JC-(n-1), and the next worker goes on from JC-n.
            Assert.Equal(Enumerable.Range(0, started.Count), started);
            startFrom = started.Count;
            if (await db.Instances.CountAsync(i => i.EndedAt == null, Ct) > 0 || startFrom < Count)
                interrupted++;
            Phase($"killed at {point} audit rows ({seen.Count} seen committed, {startFrom} instances started)");
        }
        Assert.True(interrupted > 0, "every kill came too late to interrupt anything");

        using (var last = StartWorker(provider, connection, folder, startFrom))
        {
            var finished = await Poll.UntilAsync(async () =>
            {
                await using var db = new WorkflowDbContext(options.Options);
                return await db.Instances.CountAsync(i => i.Status == 1, Ct) == Count
                    && await db.Timers.CountAsync(t => t.Status == 0, Ct) == 0
                    && await db.Jobs.CountAsync(j => j.Status == 0, Ct) == 0;
            }, () => last.HasExited, Ct);
            Assert.True(finished, $"not every instance completed after the last restart; stderr:\n{last.Errors}");
            Phase("every instance completed after the last restart");
            await last.KillAsync();
        }

        await using var check = new WorkflowDbContext(options.Options);
        var stillThere = (await check.AuditLog.Select(a => a.Id).ToListAsync(Ct)).ToHashSet();
        Assert.Empty(committedBeforeKills.Except(stillThere));
        Assert.Equal(Count, await check.Instances.CountAsync(Ct));
        Assert.Equal(Count, await check.Instances.Select(i => i.BusinessKey).Distinct().CountAsync(Ct));
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
        Assert.Equal(0, await check.Timers.CountAsync(t => t.Status == 0, Ct));
        Assert.Equal(Count, await check.Jobs.CountAsync(Ct));
        Assert.Equal(Count, await check.Timers.CountAsync(Ct));
        var effects = File.ReadAllLines(Path.Combine(folder, "effects.txt")).Where(l => l.Length > 0).GroupBy(l => l).ToList();
        Assert.Equal(Count, effects.Count);
        // The handler's outside effect is at least once: only runs in flight at a kill may repeat.
        Assert.True(effects.Count(g => g.Count() > 1) <= 16 * Kills, $"{effects.Count(g => g.Count() > 1)} effects repeated");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Kept when the test fails (the assertions above throw first): the files are the evidence.
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<int> AuditCountAsync(DbContextOptionsBuilder<WorkflowDbContext> options)
    {
        await using var db = new WorkflowDbContext(options.Options);
        return await db.AuditLog.CountAsync(Ct);
    }

    private static async Task<HashSet<long>> AuditIdsAsync(DbContextOptionsBuilder<WorkflowDbContext> options)
    {
        await using var db = new WorkflowDbContext(options.Options);
        return (await db.AuditLog.Select(a => a.Id).ToListAsync(Ct)).ToHashSet();
    }

    private static KillHostProcess StartWorker(string provider, string connection, string folder, int startFrom) =>
        KillHostProcess.Start("work", "--provider", provider, "--db", connection, "--folder", folder, "--count", Count.ToString(), "--start-from", startFrom.ToString());
}

using System.Globalization;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Work held by a node that dies is taken over once its lease has passed: a node process leases a case's
/// step and is SIGKILLed while the step runs; a second node process, wired as a server (Hangfire, the
/// startup and periodic sweeps), finishes that step after the lease from settings has run out and not
/// before, exactly once. The lease here is seconds, not the default's 30, so the test is short; tests/bench/takeover.sh
/// measures the product's defaults.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TakeoverTests
{
    // Long enough that the finishing node's own run ends inside its lease on a busy two-core CI machine: with 4 s, a
    // run slowed past its lease was (rightly) taken again by the same node's next sweep, and ran twice.
    private const int LeaseSeconds = 10;
    private const int SweepSeconds = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_step_held_by_a_node_that_was_killed_is_finished_by_another_node_once_its_lease_has_passed(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jcstar-takeover-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var postgres = provider == TestDatabase.PostgreSql ? await ScratchPostgres.CreateAsync("jcstar_takeover") : null;
        var connection = postgres?.ConnectionString ?? SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(folder, "workflow.db"));
        string[] Node(string role, params string[] more) =>
            ["takeover", "--role", role, "--provider", provider, "--db", connection, "--folder", folder, "--lease", $"{LeaseSeconds}", "--sweep", $"{SweepSeconds}", .. more];

        string jobId;
        DateTimeOffset leasedAt;
        using (var holder = KillHostProcess.Start(Node("hold")))
        {
            var began = await holder.WaitForLineStartingAsync("began ", Ct);
            var parts = began.Split(' ');
            jobId = parts[1];
            leasedAt = DateTimeOffset.Parse(parts[2], CultureInfo.InvariantCulture);
            await holder.KillAsync();
        }

        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        if (postgres is null)
            SqliteWorkflowDatabase.Configure(options, connection);
        else
            postgres.Configure(options);
        await using (var db = new WorkflowDbContext(options.Options))
        {
            var held = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, Ct);
            Assert.Equal((int)JobStatus.Pending, held.Status);
            Assert.NotNull(held.LeaseOwner);
        }

        using var finisher = KillHostProcess.Start(Node("finish", "--job", jobId));
        var report = await finisher.ReportAsync(Ct);

        Assert.Equal(nameof(JobStatus.Completed), report.GetProperty("status").GetString());
        var runs = report.GetProperty("runs").GetInt32();
        Assert.True(runs == 1, $"the finishing node ran the step {runs} times (attempts {report.GetProperty("attempts")}, last error: {report.GetProperty("lastError")})");
        var finishedAt = report.GetProperty("finishedAt").GetDateTimeOffset();
        // The dead node's lease was respected: nobody ran the step again while it could still have been running.
        Assert.True(finishedAt >= leasedAt.AddSeconds(LeaseSeconds), $"finished at {finishedAt:O}, before the lease taken at {leasedAt:O} ran out");

        await using var check = new WorkflowDbContext(options.Options);
        var job = await check.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, Ct);
        Assert.Equal((int)JobStatus.Completed, job.Status);
        Assert.Equal(2, job.Attempts);
        var task = await check.Tasks.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("Check", task.ElementId);
        TestContext.Current.TestOutputHelper?.WriteLine($"taken over {(finishedAt - leasedAt).TotalSeconds:F1}s after the lease was taken (lease {LeaseSeconds}s, sweep every {SweepSeconds}s)");
    }
}

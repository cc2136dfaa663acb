using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// A short job lease frees a dead node's work soon (<see cref="TakeoverTests"/>); these show it does not let a
/// live but slow run be taken over: the lease is renewed while the activity runs, on every store.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class LeaseHeartbeatTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:t">
          <process id="Slow" isExecutable="true">
            <startEvent id="Start" />
            <serviceTask id="Convert" jc:activity="slow.convert" jc:async="true" />
            <userTask id="Check" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Convert" />
            <sequenceFlow id="f2" sourceRef="Convert" targetRef="Check" />
          </process>
        </definitions>
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_run_that_outlasts_its_lease_keeps_it_and_no_other_node_can_take_the_job(string provider)
    {
        var slow = new GatedActivity();
        await using var host = await TestRuntime.CreateAsync(provider, s => s.AddSingleton<IActivityHandler>(slow), o => o.JobLease = Lease);
        await host.DeployAsync(Xml);
        await host.Runtime.StartAsync("Slow", "S-1", null, Actors.Admin, Ct);
        var jobId = Assert.Single(host.Queue.TakeJobs());

        var running = host.Runtime.RunJobAsync(jobId, Ct);
        await slow.Started.Task.WaitAsync(Ct);
        // Three whole leases pass while the activity runs; each third of a lease the heartbeat renews it.
        for (var i = 0; i < 9; i++)
        {
            var before = (await host.Stores.Jobs.FindAsync(jobId, Ct))!.LeaseUntil;
            host.Time.Advance(Lease / 3);
            await Poll.UntilAsync(async () => (await host.Stores.Jobs.FindAsync(jobId, Ct))!.LeaseUntil > before, () => running.IsCompleted, Ct);
        }
        var job = (await host.Stores.Jobs.FindAsync(jobId, Ct))!;
        Assert.True(job.LeaseUntil > host.Time.GetUtcNow(), $"the lease ran out at {job.LeaseUntil:O} although the run is alive at {host.Time.GetUtcNow():O}");
        Assert.False(await host.Stores.Jobs.TryLeaseAsync(jobId, "another-node", host.Time.GetUtcNow(), host.Time.GetUtcNow() + Lease, Ct));
        Assert.Empty(await host.Stores.Jobs.FindRunnableAsync(host.Time.GetUtcNow(), host.Time.GetUtcNow(), 10, Ct));

        slow.Finish.SetResult();
        await running;
        Assert.Equal(JobStatus.Completed, (await host.Stores.Jobs.FindAsync(jobId, Ct))!.Status);
        Assert.Equal(1, slow.Runs);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_lease_is_renewed_only_by_the_node_that_holds_it(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider, options: o => o.JobLease = Lease);
        await host.DeployAsync(Xml.Replace("slow.convert", "test.echo", StringComparison.Ordinal));
        await host.Runtime.StartAsync("Slow", "S-2", null, Actors.Admin, Ct);
        var jobId = Assert.Single(host.Queue.TakeJobs());
        var now = host.Time.GetUtcNow();
        Assert.True(await host.Stores.Jobs.TryLeaseAsync(jobId, "node-a", now, now + Lease, Ct));

        Assert.False(await host.Stores.Jobs.RenewLeaseAsync(jobId, "node-b", now + Lease * 2, Ct));
        Assert.True(await host.Stores.Jobs.RenewLeaseAsync(jobId, "node-a", now + Lease * 2, Ct));
        Assert.Equal(now + Lease * 2, (await host.Stores.Jobs.FindAsync(jobId, Ct))!.LeaseUntil);
    }

    private sealed class GatedActivity : IActivityHandler
    {
        private int _runs;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => _runs;

        public string Name => "slow.convert";

        public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            await Finish.Task.WaitAsync(cancellationToken);
            return ActivityResult.Completed();
        }
    }
}

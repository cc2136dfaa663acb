using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>Processes that start by themselves: timer start events armed at deployment, message and signal start events.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class StartEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
        """;

    /// <summary>Process Ticker: a timer start event Tick (<paramref name="kind"/> = timeDate, timeDuration or timeCycle) → Work → end.</summary>
    internal static string Ticker(string kind, string value, string taskName = "Work") => Head + $"""
          <process id="Ticker" isExecutable="true">
            <startEvent id="Tick"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></startEvent>
            <userTask id="Work" name="{taskName}" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Tick" targetRef="Work" />
            <sequenceFlow id="f2" sourceRef="Work" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Process Ticker with only a none start event: a version that dropped the timer.</summary>
    private static string TickerWithoutTimer => Head + """
          <process id="Ticker" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Work" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Work" />
            <sequenceFlow id="f2" sourceRef="Work" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Process Intake: a none start event, and a message start event for "Filed" → Triage.</summary>
    private static string Intake => Head + """
          <message id="M_Filed" name="Filed" />
          <process id="Intake" isExecutable="true">
            <startEvent id="ByHand" />
            <startEvent id="Received"><messageEventDefinition messageRef="M_Filed" /></startEvent>
            <userTask id="Triage" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="ByHand" targetRef="Triage" />
            <sequenceFlow id="f2" sourceRef="Received" targetRef="Triage" />
            <sequenceFlow id="f3" sourceRef="Triage" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Process FollowUp waits for message "Filed" keyed by ${caseNo}.</summary>
    private static string FollowUp => Head + """
          <message id="M_Filed" name="Filed" jc:correlationKey="${caseNo}" />
          <process id="FollowUp" isExecutable="true">
            <startEvent id="Start" />
            <intermediateCatchEvent id="WaitFiled"><messageEventDefinition messageRef="M_Filed" /></intermediateCatchEvent>
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="WaitFiled" />
            <sequenceFlow id="f2" sourceRef="WaitFiled" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Process <paramref name="id"/> with two signal start events for "Recall" (one instance per process, at the first) and a none start.</summary>
    private static string RecallStarted(string id) => Head + $"""
          <signal id="S_Recall" name="Recall" />
          <process id="{id}" isExecutable="true">
            <startEvent id="Plain" />
            <startEvent id="Recalled"><signalEventDefinition signalRef="S_Recall" /></startEvent>
            <startEvent id="RecalledToo"><signalEventDefinition signalRef="S_Recall" /></startEvent>
            <userTask id="Check" jc:candidateGroups="reviewers" />
            <userTask id="CheckToo" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <endEvent id="EndToo" />
            <sequenceFlow id="f0" sourceRef="Plain" targetRef="End" />
            <sequenceFlow id="f1" sourceRef="Recalled" targetRef="Check" />
            <sequenceFlow id="f2" sourceRef="Check" targetRef="End" />
            <sequenceFlow id="f3" sourceRef="RecalledToo" targetRef="CheckToo" />
            <sequenceFlow id="f4" sourceRef="CheckToo" targetRef="EndToo" />
          </process>
        </definitions>
        """;

    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static async Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(WorkflowStores stores, string processId) =>
        (await stores.Instances.QueryAsync(new InstanceQuery(processId, Page: new PageRequest(1, PageRequest.MaxSize)), Ct)).Items;

    private static async Task<IReadOnlyList<TimerRecord>> PendingStartTimersAsync(WorkflowStores stores, string processId) =>
        [.. (await stores.Timers.ListStartTimersAsync(processId, Ct)).Where(t => t.Status == TimerStatus.Pending)];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_timeDate_start_event_is_armed_at_deployment_and_fires_once_starting_one_instance(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var due = TestRuntime.T0.AddDays(3);
        var definitionId = await host.DeployAsync(Ticker("timeDate", "2026-04-04T09:00:00+09:00"));

        var timer = (await PendingStartTimersAsync(host.Stores, "Ticker")).Single();
        Assert.Equal(due, timer.DueAt);
        Assert.Equal(definitionId, timer.DefinitionId);
        Assert.Null(timer.InstanceId);
        Assert.Equal((timer.Id, due), host.Queue.ScheduledTimers.Single());
        Assert.False(await host.Runtime.FireTimerAsync(timer.Id, Ct));
        Assert.Empty(await InstancesAsync(host.Stores, "Ticker"));

        host.Time.Advance(TimeSpan.FromDays(3));
        Assert.True(await host.Runtime.FireTimerAsync(timer.Id, Ct));
        Assert.False(await host.Runtime.FireTimerAsync(timer.Id, Ct));
        Assert.Equal(new SweepResult(0, 0), await host.Runtime.SweepAsync(TimeSpan.Zero, Ct));

        var instance = (await InstancesAsync(host.Stores, "Ticker")).Single();
        Assert.Equal(RuntimeIds.StartedByTimer(timer.Id), instance.Id);
        Assert.Equal("system", instance.StartedBy);
        Assert.Equal(TimerStatus.Fired, (await host.Stores.Timers.FindAsync(timer.Id, Ct))!.Status);
        Assert.Empty(await PendingStartTimersAsync(host.Stores, "Ticker"));
        var history = await host.Stores.Audit.ListByInstanceAsync(instance.Id, Ct);
        Assert.Equal(AuditActions.InstanceStarted, history[0].Action);
        var fired = history.Single(e => e.Action == AuditActions.TimerFired);
        Assert.Equal(("system", "Tick", due), (fired.Actor, fired.ElementId, fired.At));
        Assert.Contains(timer.Id, fired.DataJson);
        Assert.Contains(history, e => e.Action == AuditActions.TaskOpened && e.ElementId == "Work");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cycle_R3_PT1H_starts_three_instances_over_three_firings_and_then_stops(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Ticker("timeCycle", "R3/PT1H"));

        var firings = new List<DateTimeOffset>();
        for (var hour = 1; hour <= 5; hour++)
        {
            host.Time.Advance(TimeSpan.FromHours(1));
            var swept = await host.Runtime.SweepAsync(TimeSpan.Zero, Ct);
            if (swept.TimersFired == 1)
                firings.Add(host.Time.GetUtcNow());
        }

        Assert.Equal([TestRuntime.T0.AddHours(1), TestRuntime.T0.AddHours(2), TestRuntime.T0.AddHours(3)], firings);
        Assert.Equal(3, (await InstancesAsync(host.Stores, "Ticker")).Count);
        var timers = await host.Stores.Timers.ListStartTimersAsync("Ticker", Ct);
        Assert.Equal([0, 1, 2], timers.Select(t => t.Occurrence));
        Assert.All(timers, t => Assert.Equal(TimerStatus.Fired, t.Status));
        // Each next occurrence was scheduled with the commit that fired the one before.
        Assert.Equal([TestRuntime.T0.AddHours(1), TestRuntime.T0.AddHours(2), TestRuntime.T0.AddHours(3)], host.Queue.ScheduledTimers.Select(t => t.DueAt));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_start_timer_fired_by_several_racers_at_once_starts_exactly_one_instance(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Ticker("timeCycle", "R/PT1H"));
        var timer = (await PendingStartTimersAsync(host.Stores, "Ticker")).Single();
        host.Time.Advance(TimeSpan.FromHours(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            i % 2 == 0 ? host.Runtime.FireTimerAsync(timer.Id, Ct) : host.Runtime.SweepAsync(TimeSpan.Zero, Ct).ContinueWith(s => s.Result.TimersFired == 1, Ct), Ct)));

        Assert.Single(results, fired => fired);
        Assert.Single(await InstancesAsync(host.Stores, "Ticker"));
        var next = (await PendingStartTimersAsync(host.Stores, "Ticker")).Single();
        Assert.Equal((1, TestRuntime.T0.AddHours(2)), (next.Occurrence, next.DueAt));
    }

    /// <summary>
    /// On SQLite the two nodes are two runtimes in one process (SQLite serves one server process): what is
    /// checked there is the derived instance id and the store's conflict, not two servers; PostgreSQL runs both.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Two_nodes_firing_the_same_start_timer_start_one_instance(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(TestRuntime.T0);
        await using var nodeA = Node(database, time, "node-a");
        await using var nodeB = Node(database, time, "node-b");
        await nodeA.GetRequiredService<Definitions.DefinitionDeployment>().DeployAsync(Ticker("timeCycle", "R/PT1H"), "ticker.bpmn", Actors.Admin, Ct);
        // The second node deploys the same file at its start: nothing changes.
        await nodeB.GetRequiredService<Definitions.DefinitionDeployment>().DeployAsync(Ticker("timeCycle", "R/PT1H"), "ticker.bpmn", Actors.Admin, Ct);
        var stores = nodeA.GetRequiredService<WorkflowStores>();
        var timer = (await PendingStartTimersAsync(stores, "Ticker")).Single();
        time.Advance(TimeSpan.FromHours(1));

        var results = await Task.WhenAll(
            Task.Run(() => nodeA.GetRequiredService<WorkflowRuntime>().FireTimerAsync(timer.Id, Ct), Ct),
            Task.Run(() => nodeB.GetRequiredService<WorkflowRuntime>().FireTimerAsync(timer.Id, Ct), Ct),
            Task.Run(() => nodeA.GetRequiredService<WorkflowRuntime>().FireTimerAsync(timer.Id, Ct), Ct),
            Task.Run(() => nodeB.GetRequiredService<WorkflowRuntime>().FireTimerAsync(timer.Id, Ct), Ct));

        Assert.Single(results, fired => fired);
        Assert.Single(await InstancesAsync(stores, "Ticker"));
        Assert.Single(await PendingStartTimersAsync(stores, "Ticker"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deploying_v2_replaces_v1s_start_timer_and_a_version_without_one_disarms_it(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var v1 = await host.DeployAsync(Ticker("timeCycle", "R/PT1H", "Work v1"));
        var v1Timer = (await PendingStartTimersAsync(host.Stores, "Ticker")).Single();

        var v2 = await host.DeployAsync(Ticker("timeCycle", "R/PT2H", "Work v2"));
        var v2Timer = (await PendingStartTimersAsync(host.Stores, "Ticker")).Single();
        Assert.Equal((v2, TestRuntime.T0.AddHours(2)), (v2Timer.DefinitionId, v2Timer.DueAt));
        Assert.Equal(TimerStatus.Cancelled, (await host.Stores.Timers.FindAsync(v1Timer.Id, Ct))!.Status);

        // v1's wake-up still arrives: it starts nothing.
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.False(await host.Runtime.FireTimerAsync(v1Timer.Id, Ct));
        Assert.Empty(await InstancesAsync(host.Stores, "Ticker"));
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.True(await host.Runtime.FireTimerAsync(v2Timer.Id, Ct));
        Assert.Equal(v2, (await InstancesAsync(host.Stores, "Ticker")).Single().DefinitionId);

        await host.DeployAsync(TickerWithoutTimer);
        Assert.Empty(await PendingStartTimersAsync(host.Stores, "Ticker"));
        Assert.NotEqual(v1, v2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Redeploying_an_unchanged_file_arms_nothing_more_even_after_its_timer_fired(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Ticker("timeDuration", "PT30M"));
        await host.DeployAsync(Ticker("timeDuration", "PT30M"));
        Assert.Single(await host.Stores.Timers.ListStartTimersAsync("Ticker", Ct));
        Assert.Single(host.Queue.ScheduledTimers);

        host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, (await host.Runtime.SweepAsync(TimeSpan.Zero, Ct)).TimersFired);
        await host.DeployAsync(Ticker("timeDuration", "PT30M"));

        Assert.Single(await host.Stores.Timers.ListStartTimersAsync("Ticker", Ct));
        Assert.Empty(await PendingStartTimersAsync(host.Stores, "Ticker"));
        Assert.Single(await InstancesAsync(host.Stores, "Ticker"));
    }

    [Theory]
    [InlineData("timeCycle", "every day at nine", "Tick")]
    [InlineData("timeCycle", "R0/PT1H", "Tick")]
    [InlineData("timeCycle", "R/PT0.001S", "Tick")]
    [InlineData("timeDate", "${startAt}", "Tick")]
    [InlineData("timeDuration", "2026-01-01", "Tick")]
    public async Task A_start_timer_that_cannot_be_scheduled_is_refused_at_deployment_under_its_element_id(string kind, string value, string elementId)
    {
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory);

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.DeployAsync(Ticker(kind, value)));

        Assert.True(refused.Errors.ContainsKey(elementId), string.Join("; ", refused.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Empty(await host.Stores.Definitions.ListLatestAsync(Ct));
        Assert.Empty(await host.Stores.Timers.ListStartTimersAsync("Ticker", Ct));
    }

    [Fact]
    public async Task A_timer_cycle_shorter_than_the_minimum_from_the_engine_settings_is_refused_at_deployment_naming_the_setting()
    {
        await using var strict = await TestRuntime.CreateAsync(TestDatabase.InMemory);
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => strict.DeployAsync(Ticker("timeCycle", "R/PT10S")));
        Assert.Contains(refused.Errors["Tick"], e => e.Contains("Engine:MinimumTimerCycle", StringComparison.Ordinal));
        Assert.Empty(await strict.Stores.Timers.ListStartTimersAsync("Ticker", Ct));

        // The minimum comes from the engine's settings (section "Engine"), not from a constant.
        await using var lenient = await TestRuntime.CreateAsync(TestDatabase.InMemory, s => s.AddSingleton(new EngineOptions { MinimumTimerCycle = TimeSpan.FromSeconds(10) }));
        await lenient.DeployAsync(Ticker("timeCycle", "R/PT10S"));
        Assert.Single(await lenient.Stores.Timers.ListStartTimersAsync("Ticker", Ct));
    }

    [Fact]
    public async Task A_start_timer_expression_that_needs_no_variables_is_read_at_deployment()
    {
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory);

        await host.DeployAsync(Ticker("timeDate", "${'2026-04-02T00:00:00Z'}"));

        Assert.Equal(TestRuntime.T0.AddDays(1), (await PendingStartTimersAsync(host.Stores, "Ticker")).Single().DueAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_no_instance_waits_for_starts_the_process_with_its_variables_and_the_key_as_business_key(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Intake, "intake.bpmn");

        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Filed", "JC-9", Vars(new { applicant = "ACME" }), Actors.Reviewer, Ct));

        var instance = (await InstancesAsync(host.Stores, "Intake")).Single();
        Assert.Equal(("JC-9", "rei"), (instance.BusinessKey, instance.StartedBy));
        var state = InstanceStateSerializer.Deserialize(instance.StateJson);
        Assert.Equal("ACME", state.Elements.Single(e => e.Parent == 0).Variables!["applicant"].GetString());
        var history = await host.Stores.Audit.ListByInstanceAsync(instance.Id, Ct);
        Assert.Equal(AuditActions.InstanceStarted, history[0].Action);
        var correlated = history.Single(e => e.Action == AuditActions.MessageCorrelated);
        Assert.Equal(("rei", "Received"), (correlated.Actor, correlated.ElementId));
        Assert.Contains(history, e => e.Action == AuditActions.TaskOpened && e.ElementId == "Triage");
        Assert.Equal(0, await host.Runtime.CorrelateMessageAsync("Unknown", null, null, Actors.Reviewer, Ct));
    }

    /// <summary>Process Notifier throws message "Filed" (key JC-7) from an intermediate throw event, then ends.</summary>
    private static string Notifier => Head + """
          <message id="M_Filed" name="Filed" jc:correlationKey="JC-7" />
          <process id="Notifier" isExecutable="true">
            <startEvent id="Start" />
            <intermediateThrowEvent id="File"><messageEventDefinition messageRef="M_Filed" /></intermediateThrowEvent>
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="File" />
            <sequenceFlow id="f2" sourceRef="File" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>
    /// A thrown message is delivered at least once: here the node dies (the job store refuses to record the
    /// throw job finished) after the delivery started Intake, and the retried job delivers again. The
    /// instance it starts has an id derived from the job, so the second delivery starts no twin.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_thrown_message_delivered_again_after_a_crash_starts_its_process_once(string provider)
    {
        FailingFirstFinish? jobs = null;
        await using var host = await TestRuntime.CreateAsync(provider, s => TestRuntime.DecorateStores(s, stores => stores with { Jobs = jobs = new FailingFirstFinish(stores.Jobs) }));
        await host.DeployAsync(Intake, "intake.bpmn");
        await host.DeployAsync(Notifier, "notifier.bpmn");

        await host.Runtime.StartAsync("Notifier", "N-1", null, Actors.Reviewer, Ct);
        var throwJob = host.Queue.TakeJobs().Single();
        await host.Runtime.RunJobAsync(throwJob, Ct);
        Assert.True(jobs!.Failed);
        Assert.Single(await InstancesAsync(host.Stores, "Intake"));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        foreach (var again in host.Queue.TakeJobs())
            await host.Runtime.RunJobAsync(again, Ct);
        await host.Runtime.SweepAsync(TimeSpan.Zero, Ct);

        Assert.Equal(JobStatus.Completed, (await host.Stores.Jobs.FindAsync(throwJob, Ct))!.Status);
        var started = Assert.Single(await InstancesAsync(host.Stores, "Intake"));
        Assert.Equal("JC-7", started.BusinessKey);
    }

    /// <summary>The first FinishAsync of a throw job fails, as if the node died right after delivering.</summary>
    private sealed class FailingFirstFinish(IJobStore inner) : IJobStore
    {
        public bool Failed { get; private set; }

        public Task<ActivityJob?> FindAsync(string jobId, CancellationToken cancellationToken) => inner.FindAsync(jobId, cancellationToken);

        public Task<bool> TryLeaseAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            inner.TryLeaseAsync(jobId, owner, now, leaseUntil, cancellationToken);

        public Task<bool> RenewLeaseAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            inner.RenewLeaseAsync(jobId, owner, leaseUntil, cancellationToken);

        public Task<bool> ReleaseForRetryAsync(string jobId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
            inner.ReleaseForRetryAsync(jobId, owner, nextAttemptAt, error, cancellationToken);

        public async Task FinishAsync(string jobId, JobStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
        {
            if (!Failed && (await inner.FindAsync(jobId, cancellationToken))?.Kind == JobKind.ThrowMessage)
            {
                Failed = true;
                throw new IOException("the node died after delivering");
            }
            await inner.FinishAsync(jobId, status, at, error, cancellationToken);
        }

        public Task<IReadOnlyList<ActivityJob>> FindRunnableAsync(DateTimeOffset dueBy, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            inner.FindRunnableAsync(dueBy, now, max, cancellationToken);

        public Task<IReadOnlyList<ActivityJob>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
            inner.ListByInstanceAsync(instanceId, cancellationToken);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_a_waiting_instance_takes_starts_nothing_and_the_next_one_starts_the_process(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Intake, "intake.bpmn");
        await host.DeployAsync(FollowUp, "follow-up.bpmn");
        var waiting = await host.Runtime.StartAsync("FollowUp", "JC-1", Vars(new { caseNo = "JC-1" }), Actors.Admin, Ct);

        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Filed", "JC-1", null, Actors.Admin, Ct));
        Assert.Equal(InstanceStatus.Completed, (await host.Stores.Instances.FindAsync(waiting.Id, Ct))!.Status);
        Assert.Empty(await InstancesAsync(host.Stores, "Intake"));

        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Filed", "JC-1", null, Actors.Admin, Ct));
        Assert.Equal("JC-1", (await InstancesAsync(host.Stores, "Intake")).Single().BusinessKey);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_signal_reaches_the_waiting_instances_and_starts_one_instance_of_each_process_with_a_signal_start(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Recall, "recall.bpmn");
        await host.DeployAsync(RecallStarted("RecallCheckA"), "a.bpmn");
        await host.DeployAsync(RecallStarted("RecallCheckB"), "b.bpmn");
        var waiting = await host.Runtime.StartAsync("Recall", "W", null, Actors.Admin, Ct);

        Assert.Equal(3, await host.Runtime.BroadcastSignalAsync("Recall", Vars(new { lot = "L-7" }), Actors.Admin, Ct));

        Assert.Equal(InstanceStatus.Completed, (await host.Stores.Instances.FindAsync(waiting.Id, Ct))!.Status);
        foreach (var processId in new[] { "RecallCheckA", "RecallCheckB" })
        {
            var started = (await InstancesAsync(host.Stores, processId)).Single();
            var tasks = await host.Stores.Tasks.QueryAsync(new Tasks.TaskQuery { InstanceId = started.Id }, Ct);
            Assert.Equal("Check", tasks.Items.Single().ElementId);
            var history = await host.Stores.Audit.ListByInstanceAsync(started.Id, Ct);
            Assert.Contains(history, e => e.Action == AuditActions.SignalReceived && e.ElementId == "Recalled" && e.Actor == "admin");
            Assert.Equal("L-7", InstanceStateSerializer.Deserialize(started.StateJson).Elements.Single(e => e.Parent == 0).Variables!["lot"].GetString());
        }
    }

    internal static ServiceProvider Node(TestDatabase database, FakeTimeProvider time, string nodeId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(database.Configure);
        services.AddWorkflowRuntime(o => o.NodeId = nodeId);
        return services.BuildServiceProvider();
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Process-level start events with several triggers, armed at deployment: a multiple one starts on any of its
/// messages, signals and timers (each timer on its own schedule); a parallel multiple one starts its instance on the first trigger, which then waits
/// at the start event for the others.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class MultipleStartEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Intake(bool parallel, string timer) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <message id="M_Filed" name="Filed" />
          <signal id="S_Recall" name="Recall" />
          <process id="Intake" isExecutable="true">
            <startEvent id="Received" parallelMultiple="{(parallel ? "true" : "false")}">
              <messageEventDefinition messageRef="M_Filed" />
              <signalEventDefinition signalRef="S_Recall" />
              {timer}
            </startEvent>
            <userTask id="Triage" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Received" targetRef="Triage" />
            <sequenceFlow id="f2" sourceRef="Triage" targetRef="End" />
          </process>
        </definitions>
        """;

    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static async Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(WorkflowStores stores) =>
        (await stores.Instances.QueryAsync(new InstanceQuery("Intake", Page: new PageRequest(1, PageRequest.MaxSize)), Ct)).Items;

    private static async Task<string[]> TasksOfAsync(WorkflowStores stores, string instanceId) =>
        [.. (await stores.Tasks.QueryAsync(new Tasks.TaskQuery { InstanceId = instanceId }, Ct)).Items.Select(t => t.ElementId)];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_multiple_start_event_starts_an_instance_on_its_message_on_its_signal_and_on_its_timer(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Intake(parallel: false, "<timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>"), "intake.bpmn");
        var timer = Assert.Single(await host.Stores.Timers.ListStartTimersAsync("Intake", Ct), t => t.Status == TimerStatus.Pending);
        Assert.Equal("Received", timer.ElementId);

        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Filed", "JC-1", null, Actors.Reviewer, Ct));
        Assert.Equal(1, await host.Runtime.BroadcastSignalAsync("Recall", Vars(new { lot = "L-7" }), Actors.Admin, Ct));
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.True(await host.Runtime.FireTimerAsync(timer.Id, Ct));

        var instances = await InstancesAsync(host.Stores);
        Assert.Equal(3, instances.Count);
        foreach (var instance in instances)
            Assert.Equal(["Triage"], await TasksOfAsync(host.Stores, instance.Id));
        var histories = await Task.WhenAll(instances.Select(i => host.Stores.Audit.ListByInstanceAsync(i.Id, Ct)));
        Assert.Contains(histories, h => h.Any(e => e.Action == AuditActions.MessageCorrelated && e.ElementId == "Received"));
        Assert.Contains(histories, h => h.Any(e => e.Action == AuditActions.SignalReceived && e.ElementId == "Received"));
        Assert.Contains(histories, h => h.Any(e => e.Action == AuditActions.TimerFired && e.ElementId == "Received"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_parallel_multiple_start_event_waits_at_the_start_for_every_trigger_and_the_last_one_runs_the_process(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Intake(parallel: true, ""), "intake.bpmn");

        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Filed", null, Vars(new { applicant = "ACME" }), Actors.Reviewer, Ct));
        var first = Assert.Single(await InstancesAsync(host.Stores));
        Assert.Equal(InstanceStatus.Waiting, first.Status);
        Assert.Empty(await TasksOfAsync(host.Stores, first.Id));
        // The signal completes the waiting start, and (as any signal start event) starts an instance of its own.
        await host.Runtime.BroadcastSignalAsync("Recall", Vars(new { lot = "L-7" }), Actors.Admin, Ct);

        Assert.Equal(["Triage"], await TasksOfAsync(host.Stores, first.Id));
        var variables = InstanceStateSerializer.Deserialize((await host.Stores.Instances.FindAsync(first.Id, Ct))!.StateJson).Elements.Single(e => e.Parent == 0).Variables!;
        Assert.Equal(("ACME", "L-7"), (variables["applicant"].GetString(), variables["lot"].GetString()));
        var second = Assert.Single(await InstancesAsync(host.Stores), i => i.Id != first.Id);
        Assert.Empty(await TasksOfAsync(host.Stores, second.Id));

        // The next message is taken by the instance waiting for it: it runs, and no third instance starts.
        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Filed", null, null, Actors.Reviewer, Ct));
        Assert.Equal(["Triage"], await TasksOfAsync(host.Stores, second.Id));
        Assert.Equal(2, (await InstancesAsync(host.Stores)).Count);
    }

    /// <summary>
    /// Process Rounds: start event Tick with two timers, a date (T0 + 3 days) and a cycle (by default daily, twice:
    /// T0 + 1 day and T0 + 2 days) → Visit.
    /// </summary>
    private static string Rounds(bool parallel, string cycle = "R2/P1D") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Rounds" isExecutable="true">
            <startEvent id="Tick" parallelMultiple="{(parallel ? "true" : "false")}">
              <timerEventDefinition><timeDate>2026-04-04T09:00:00+09:00</timeDate></timerEventDefinition>
              <timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition>
            </startEvent>
            <userTask id="Visit" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Tick" targetRef="Visit" />
            <sequenceFlow id="f2" sourceRef="Visit" targetRef="End" />
          </process>
        </definitions>
        """;

    private static async Task<TimerRecord[]> StartTimersAsync(WorkflowStores stores, TimerStatus? status = null) =>
        [.. (await stores.Timers.ListStartTimersAsync("Rounds", Ct)).Where(t => status is null || t.Status == status)];

    private static async Task<IReadOnlyList<WorkflowInstance>> RoundsAsync(WorkflowStores stores) =>
        (await stores.Instances.QueryAsync(new InstanceQuery("Rounds", Page: new PageRequest(1, PageRequest.MaxSize)), Ct)).Items;

    /// <summary>Sweeps until nothing more is due (a fired start timer may leave an instance timer due at the same time).</summary>
    private static async Task<int> SweepAllAsync(TestRuntime host)
    {
        var fired = 0;
        for (var round = 0; round < 10; round++)
        {
            var swept = await host.Runtime.SweepAsync(TimeSpan.Zero, Ct);
            if (swept.TimersFired == 0)
                return fired;
            fired += swept.TimersFired;
        }
        throw new InvalidOperationException("timers kept firing");
    }

    /// <summary>The audit line's data as (timer, timerIndex): a start timer's arming puts them under "extra".</summary>
    private static (string? Timer, int? Index) TimerNamed(AuditEntry entry)
    {
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        if (data.TryGetProperty("extra", out var extra) && extra.ValueKind == JsonValueKind.Object)
            data = extra;
        return (data.GetProperty("timer").GetString(), data.GetProperty("timerIndex").GetInt32());
    }

    private static async Task<(TestRuntime Host, Func<AppendedAudit> Audit)> RoundsHostAsync(string provider)
    {
        AppendedAudit? audit = null;
        var host = await TestRuntime.CreateAsync(provider, s => TestRuntime.DecorateStores(s, stores => stores with { Audit = audit = new AppendedAudit(stores.Audit) }));
        return (host, () => audit!);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_start_event_with_a_date_and_a_cycle_arms_both_and_each_timer_starts_instances_on_its_own_schedule(string provider)
    {
        var (host, audit) = await RoundsHostAsync(provider);
        await using var _ = host;
        var v1 = await host.DeployAsync(Rounds(parallel: false), "rounds.bpmn");

        // The first timer keeps the id a start event with one timer has; the second is told apart by its index.
        var date = RuntimeIds.StartTimer(v1, "Tick", 0);
        var cycle = RuntimeIds.StartTimer(v1, "Tick", 0, timer: 1);
        Assert.Equal($"start:{v1}:Tick:0", date);
        var armed = await StartTimersAsync(host.Stores, TimerStatus.Pending);
        Assert.Equal([(cycle, TestRuntime.T0.AddDays(1)), (date, TestRuntime.T0.AddDays(3))], armed.Select(t => (t.Id, t.DueAt)));
        Assert.Equal([(cycle, TestRuntime.T0.AddDays(1)), (date, TestRuntime.T0.AddDays(3))], host.Queue.ScheduledTimers.OrderBy(t => t.DueAt));
        Assert.Equal([("timeCycle R2/P1D", 1), ("timeDate 2026-04-04T09:00:00+09:00", 0)],
            audit().Appended.Where(e => e.Action == AuditActions.StartTimerArmed).Select(TimerNamed).OrderBy(t => t.Index == 0));

        // Redeploying the same file changes nothing: no duplicate, nothing lost.
        await host.DeployAsync(Rounds(parallel: false), "rounds.bpmn");
        Assert.Equal(armed, await StartTimersAsync(host.Stores));
        Assert.Equal(2, host.Queue.ScheduledTimers.Count);

        // Day 1: the cycle fires and arms its own next occurrence; the date keeps its own.
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await SweepAllAsync(host));
        var cycleNext = RuntimeIds.StartTimer(v1, "Tick", 1, timer: 1);
        Assert.Equal([(cycleNext, TestRuntime.T0.AddDays(2)), (date, TestRuntime.T0.AddDays(3))],
            (await StartTimersAsync(host.Stores, TimerStatus.Pending)).Select(t => (t.Id, t.DueAt)));
        // Day 2: the cycle's last repetition; day 3: the date; day 4: nothing is left.
        var fired = new List<int>();
        for (var day = 2; day <= 4; day++)
        {
            host.Time.Advance(TimeSpan.FromDays(1));
            fired.Add(await SweepAllAsync(host));
        }
        Assert.Equal([1, 1, 0], fired);

        var instances = await RoundsAsync(host.Stores);
        Assert.Equal(
            new[] { cycle, cycleNext, date }.Select(RuntimeIds.StartedByTimer).Order(StringComparer.Ordinal),
            instances.Select(i => i.Id).Order(StringComparer.Ordinal));
        foreach (var instance in instances)
        {
            Assert.Equal(["Visit"], await TasksOfAsync(host.Stores, instance.Id));
            var firing = (await host.Stores.Audit.ListByInstanceAsync(instance.Id, Ct)).Single(e => e.Action == AuditActions.TimerFired);
            Assert.Equal("Tick", firing.ElementId);
            Assert.Equal(instance.Id == RuntimeIds.StartedByTimer(date) ? ("timeDate 2026-04-04T09:00:00+09:00", 0) : ("timeCycle R2/P1D", 1), TimerNamed(firing));
        }

        // Redeploying after the firings arms nothing again.
        await host.DeployAsync(Rounds(parallel: false), "rounds.bpmn");
        Assert.Equal(3, (await StartTimersAsync(host.Stores, TimerStatus.Fired)).Length);
        Assert.Empty(await StartTimersAsync(host.Stores, TimerStatus.Pending));
        Assert.Equal(3, (await RoundsAsync(host.Stores)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deploying_a_new_version_cancels_both_timers_of_the_old_ones_start_event_and_arms_both_of_its_own(string provider)
    {
        var (host, audit) = await RoundsHostAsync(provider);
        await using var _ = host;
        var v1 = await host.DeployAsync(Rounds(parallel: false), "rounds.bpmn");
        var v1Timers = await StartTimersAsync(host.Stores, TimerStatus.Pending);

        var v2 = await host.DeployAsync(Rounds(parallel: false, cycle: "R2/PT12H"), "rounds.bpmn");

        Assert.NotEqual(v1, v2);
        Assert.Equal(2, v1Timers.Length);
        foreach (var old in v1Timers)
            Assert.Equal(TimerStatus.Cancelled, (await host.Stores.Timers.FindAsync(old.Id, Ct))!.Status);
        Assert.Equal(v1Timers.Select(t => t.Id).Order(StringComparer.Ordinal),
            audit().Appended.Where(e => e.Action == AuditActions.StartTimerCancelled).Select(e => JsonDocument.Parse(e.DataJson!).RootElement.GetProperty("timerId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal([(RuntimeIds.StartTimer(v2, "Tick", 0, timer: 1), TestRuntime.T0.AddHours(12)), (RuntimeIds.StartTimer(v2, "Tick", 0), TestRuntime.T0.AddDays(3))],
            (await StartTimersAsync(host.Stores, TimerStatus.Pending)).Select(t => (t.Id, t.DueAt)));

        // v1's wake-ups still arrive: they start nothing.
        host.Time.Advance(TimeSpan.FromDays(3));
        foreach (var old in v1Timers)
            Assert.False(await host.Runtime.FireTimerAsync(old.Id, Ct));
        Assert.Equal(3, await SweepAllAsync(host));
        Assert.All(await RoundsAsync(host.Stores), i => Assert.Equal(v2, i.DefinitionId));
    }

    /// <summary>Each timer's occurrence is claimed as a single timer's is: by the instance id derived from its own row id.</summary>
    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Two_nodes_firing_both_timers_of_one_start_event_at_once_start_one_instance_per_timer(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(TestRuntime.T0);
        await using var nodeA = StartEventTests.Node(database, time, "node-a");
        await using var nodeB = StartEventTests.Node(database, time, "node-b");
        await nodeA.GetRequiredService<DefinitionDeployment>().DeployAsync(Rounds(parallel: false), "rounds.bpmn", Actors.Admin, Ct);
        await nodeB.GetRequiredService<DefinitionDeployment>().DeployAsync(Rounds(parallel: false), "rounds.bpmn", Actors.Admin, Ct);
        var stores = nodeA.GetRequiredService<WorkflowStores>();
        var timers = await StartTimersAsync(stores, TimerStatus.Pending);
        Assert.Equal(2, timers.Length);
        time.Advance(TimeSpan.FromDays(3));

        var results = await Task.WhenAll(timers.SelectMany(t => new[] { nodeA, nodeB, nodeA, nodeB }
            .Select(node => Task.Run(() => node.GetRequiredService<WorkflowRuntime>().FireTimerAsync(t.Id, Ct), Ct))));

        Assert.Equal(2, results.Count(fired => fired));
        Assert.Equal(timers.Select(t => RuntimeIds.StartedByTimer(t.Id)).Order(StringComparer.Ordinal),
            (await RoundsAsync(stores)).Select(i => i.Id).Order(StringComparer.Ordinal));
        // Only the cycle has a next occurrence, armed once.
        var next = Assert.Single(await StartTimersAsync(stores, TimerStatus.Pending));
        Assert.Equal((1, TestRuntime.T0.AddDays(2)), (next.Occurrence, next.DueAt));
    }

    /// <summary>
    /// Each deployed timer keeps its schedule and each occurrence starts an instance; that instance waits at the start
    /// event for the other timer, armed in the instance when it starts (a date at its date, a cycle without a start
    /// date one period after the instance's start), and runs when it fires.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_parallel_multiple_start_event_with_two_timers_starts_on_one_and_runs_when_the_other_fires_too(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var v1 = await host.DeployAsync(Rounds(parallel: true), "rounds.bpmn");

        // Day 1: the cycle starts an instance, which waits for the date.
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await SweepAllAsync(host));
        var byCycle = Assert.Single(await RoundsAsync(host.Stores));
        Assert.Equal((RuntimeIds.StartedByTimer(RuntimeIds.StartTimer(v1, "Tick", 0, timer: 1)), InstanceStatus.Waiting), (byCycle.Id, byCycle.Status));
        Assert.Empty(await TasksOfAsync(host.Stores, byCycle.Id));
        var awaited = Assert.Single(await host.Stores.Timers.ListByInstanceAsync(byCycle.Id, Ct));
        Assert.Equal(("Tick", TestRuntime.T0.AddDays(3), TimerStatus.Pending), (awaited.ElementId, awaited.DueAt, awaited.Status));

        // Day 3: the date starts an instance, which waits for the cycle; the first instance's date fires and it runs.
        host.Time.Advance(TimeSpan.FromDays(2));
        await SweepAllAsync(host);
        var instances = await RoundsAsync(host.Stores);
        Assert.Equal(3, instances.Count);
        var byDate = Assert.Single(instances, i => i.Id == RuntimeIds.StartedByTimer(RuntimeIds.StartTimer(v1, "Tick", 0)));
        Assert.Equal(["Visit"], await TasksOfAsync(host.Stores, byCycle.Id));
        Assert.Empty(await TasksOfAsync(host.Stores, byDate.Id));
        Assert.Equal(TestRuntime.T0.AddDays(4), (await host.Stores.Timers.ListByInstanceAsync(byDate.Id, Ct)).Single(t => t.Status == TimerStatus.Pending).DueAt);

        // Day 4: the cycle armed in the date's instance fires and it runs.
        host.Time.Advance(TimeSpan.FromDays(1));
        await SweepAllAsync(host);
        Assert.Equal(["Visit"], await TasksOfAsync(host.Stores, byDate.Id));
        Assert.Empty(await StartTimersAsync(host.Stores, TimerStatus.Pending));
        var fired = (await host.Stores.Audit.ListByInstanceAsync(byDate.Id, Ct)).Where(e => e.Action == AuditActions.TimerFired).ToList();
        Assert.Equal(2, fired.Count);
        Assert.Equal(("timeDate 2026-04-04T09:00:00+09:00", 0), TimerNamed(fired[0]));
    }

    [Fact]
    public async Task A_start_event_whose_second_timer_cannot_be_read_is_refused_naming_the_event_and_the_timer()
    {
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory);
        var xml = Rounds(parallel: false, cycle: "${everyDay}");

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.DeployAsync(xml, "rounds.bpmn"));

        Assert.Contains(refused.Errors["Tick"], m => m.Contains("timer 2 of 2", StringComparison.Ordinal));
        Assert.Empty(await host.Stores.Timers.ListStartTimersAsync("Rounds", Ct));
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Process-level start events with several triggers, armed at deployment: a multiple one starts on any of its
/// message, signal and timer; a parallel multiple one starts its instance on the first trigger, which then waits
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

    [Fact]
    public async Task A_process_level_start_event_with_two_timers_is_refused_at_deployment_under_its_element_id()
    {
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory);
        var xml = Intake(parallel: false, "<timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition>");

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.DeployAsync(xml, "intake.bpmn"));

        Assert.Contains(refused.Errors, e => e.Key.Contains("Received", StringComparison.Ordinal) && e.Value.Any(m => m.Contains("one timer", StringComparison.Ordinal)));
    }
}

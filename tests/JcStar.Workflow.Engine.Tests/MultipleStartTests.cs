using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>Process-level start events with several triggers, as the runtime starts them (the trigger that arrived is named).</summary>
public sealed class MultipleStartTests
{
    private static DefinitionSet Defs() => Fixture.Load("multiple-start.bpmn");

    [Fact]
    public void A_multiple_start_event_runs_at_once_on_whichever_trigger_arrived()
    {
        var run = Scenario.Run(Defs(), r => r.Send(new StartInstance("i1", "any", Vars.Of(new { lot = "L-7" }), SignalName: "paid", StartEventId: "either")));

        Assert.Equal(["check"], run.OpenTasks);
        Assert.Equal("L-7", run.Variable("lot").GetString());
    }

    [Fact]
    public void A_multiple_start_event_is_found_by_any_of_its_messages()
    {
        var run = Scenario.Run(Defs(), r => r.Send(new StartInstance("i1", "any", Vars.None, MessageName: "docs")));

        Assert.Equal(["check"], run.OpenTasks);
    }

    [Fact]
    public void A_parallel_multiple_start_event_counts_the_trigger_that_started_it_and_waits_for_the_others_in_any_order()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Send(new StartInstance("i1", "gathered", Vars.Of(new { pages = 12 }), MessageName: "docs"));
            Assert.Empty(r.OpenTasks);
            Assert.Equal(["all"], r.PendingTimers);
            r.Advance(TimeSpan.FromDays(7));
            r.Fire("all");
            Assert.Empty(r.OpenTasks);
            r.Broadcast("paid", new { fee = 1000 });
        });

        Assert.Equal(["review"], run.OpenTasks);
        Assert.Equal((12, 1000), (run.Variable("pages").GetInt32(), run.Variable("fee").GetInt32()));
        Assert.Equal(InstanceStatus.Waiting, run.Status);
    }

    [Fact]
    public void A_parallel_multiple_start_event_started_by_its_timer_waits_for_its_message_and_signal()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Send(new StartInstance("i1", "gathered", Vars.None, StartEventId: "all", ByTimer: true));
            Assert.Empty(r.PendingTimers);
            r.Broadcast("paid");
            Assert.Empty(r.OpenTasks);
            r.Correlate("docs");
        });

        Assert.Equal(["review"], run.OpenTasks);
    }

    /// <summary>Process "scheduled" waits for a date (2026-02-01) and a weekly cycle from Thursday 2026-01-01 09:00; T0 is Monday 2026-01-05 09:00.</summary>
    [Theory]
    [InlineData(0, "2026-01-08T09:00:00Z")]
    [InlineData(1, "2026-02-01T00:00:00Z")]
    public void A_parallel_multiple_start_event_with_two_timers_started_by_one_waits_for_the_other(int firedTimer, string otherDue)
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Send(new StartInstance("i1", "scheduled", Vars.None, StartEventId: "both", ByTimer: true, TimerIndex: firedTimer));
            Assert.Empty(r.OpenTasks);
            Assert.Equal(["both"], r.PendingTimers);
            Assert.Equal(DateTimeOffset.Parse(otherDue, System.Globalization.CultureInfo.InvariantCulture), r.All<TimerScheduled>().Single().DueAt);
            r.Fire("both");
        });

        Assert.Equal(["audit"], run.OpenTasks);
        Assert.Empty(run.PendingTimers);
    }

    [Fact]
    public void A_multiple_start_event_with_two_timers_runs_at_once_on_either()
    {
        foreach (var firedTimer in new[] { 0, 1 })
        {
            var run = Scenario.Run(Defs(), r => r.Send(new StartInstance("i1", "anyTime", Vars.None, StartEventId: "whenever", ByTimer: true, TimerIndex: firedTimer)));

            Assert.Equal(["look"], run.OpenTasks);
            Assert.Empty(run.PendingTimers);
        }
    }
}

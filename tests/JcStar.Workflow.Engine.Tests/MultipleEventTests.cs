using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class MultipleEventTests
{
    private static DefinitionSet Defs() => Fixture.Load("multiple-events.bpmn");

    [Fact]
    public void A_multiple_catch_event_is_triggered_by_whichever_trigger_comes_first_and_closes_the_others()
    {
        var run = Scenario.Run(Defs(), r => r.Start().Fire("wait"));

        Assert.Equal(["review"], run.OpenTasks);
        Assert.Contains(run.All<MessageSubscriptionClosed>(), c => c.ElementId == "wait");
    }

    [Fact]
    public void A_multiple_catch_event_also_passes_on_its_message()
    {
        var run = Scenario.Run(Defs(), r => r.Start().Correlate("docs"));

        Assert.Equal(["review"], run.OpenTasks);
        Assert.Contains(run.All<TimerCancelled>(), c => c.ElementId == "wait");
    }

    [Fact]
    public void A_multiple_boundary_event_fires_on_any_of_its_triggers_and_a_multiple_end_event_throws_every_one()
    {
        var run = Scenario.Run(Defs(), r => r.Start().Correlate("docs").Broadcast("recall"));

        Assert.Empty(run.OpenTasks);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Single(run.All<MessageThrown>(), m => m.ElementId == "announce");
        Assert.Single(run.All<SignalThrown>(), s => s.ElementId == "announce");
    }
}

using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class ParallelMultipleTests
{
    private static DefinitionSet Defs() => Fixture.Load("parallel-multiple.bpmn");

    [Fact]
    public void A_parallel_multiple_catch_event_waits_for_every_trigger_in_any_order()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start().Broadcast("paid");
            Assert.Empty(r.OpenTasks);
            r.Correlate("docs", variables: new { pages = 12 });
        });

        Assert.Equal(["review"], run.OpenTasks);
        Assert.Equal(12, run.Variable("pages").GetInt32());
    }

    [Fact]
    public void The_variables_of_a_trigger_that_arrives_before_the_others_are_kept()
    {
        var run = Scenario.Run(Defs(), r => r.Start().Correlate("docs", variables: new { pages = 3 }).Broadcast("paid"));

        Assert.Equal(["review"], run.OpenTasks);
        Assert.Equal(3, run.Variable("pages").GetInt32());
    }

    [Fact]
    public void A_non_interrupting_parallel_multiple_boundary_event_fires_when_all_have_occurred_and_then_waits_for_all_again()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start().Broadcast("paid").Correlate("docs");
            r.Correlate("docs");
            Assert.Equal(["review"], r.OpenTasks);
            r.Fire("nudge");
            Assert.Equal(["review", "tell"], r.OpenTasks.Order());
            r.Fire("nudge");
            Assert.Single(r.TaskIds("tell"));
            r.Correlate("docs");
        });

        Assert.Equal(2, run.TaskIds("tell").Count);
        Assert.Single(run.PendingTimers, t => t == "nudge");
    }
}

using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

public sealed class GatewayTests
{
    private static DefinitionSet Route() => new ProcessBuilder("p")
        .Add(Start(), Xor("route", defaultFlow: "toAuto"), User("review"), End("reviewed"), End("auto"))
        .Chain("start", "route").Flow("route", "review", "${needsReview}").Flow("route", "auto", id: "toAuto").Chain("review", "reviewed")
        .Compile();

    [Fact]
    public void An_exclusive_gateway_takes_the_flow_whose_condition_holds()
    {
        var run = Scenario.Run(Route(), r => r.Start(new { needsReview = true }).CompleteTask("review"));

        Assert.Equal(["start", "route", "review", "reviewed"], run.Completed);
    }

    [Fact]
    public void An_exclusive_gateway_takes_the_default_flow_when_no_condition_holds()
    {
        var run = Scenario.Run(Route(), r => r.Start(new { needsReview = false }));

        Assert.Equal(["start", "route", "auto"], run.Completed);
    }

    [Fact]
    public void An_exclusive_gateway_with_no_matching_flow_and_no_default_raises_an_incident_that_a_retry_resolves()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Xor("route"), End("a"), End("b"))
            .Chain("start", "route").Flow("route", "a", "amount > 10").Flow("route", "b", "amount <= 10 && amount > 0").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { amount = 0 }));

        Assert.Contains("no condition", run.All<IncidentRaised>().Single().Message);
        Assert.Equal(InstanceStatus.Waiting, run.Status);
    }

    [Fact]
    public void A_condition_on_an_unknown_variable_is_an_incident_not_a_silent_false()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Xor("route", "d"), End("a"), End("b"))
            .Chain("start", "route").Flow("route", "a", "${missing > 1}").Flow("route", "b", id: "d").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Contains("missing is not defined", run.All<IncidentRaised>().Single().Message);
    }

    [Fact]
    public void A_parallel_gateway_joins_only_when_both_branches_arrive()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), And("fork"), User("a"), User("b"), And("join"), User("after"), End())
            .Chain("start", "fork", "a", "join", "after", "end").Chain("fork", "b", "join").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start().CompleteTask("a");
            Assert.Equal(["b"], r.OpenTasks);
            r.CompleteTask("b");
        });

        Assert.Equal(["after"], run.OpenTasks);
        Assert.Single(run.Completed, c => c == "join");
    }

    [Fact]
    public void An_inclusive_gateway_forks_to_every_true_condition_and_joins_only_those()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Or("fork"), User("a"), User("b"), User("c"), Or("join"), User("after"), End())
            .Chain("start", "fork").Flow("fork", "a", "x > 0").Flow("fork", "b", "x > 1").Flow("fork", "c", "x > 5")
            .Chain("a", "join").Chain("b", "join").Chain("c", "join").Chain("join", "after", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start(new { x = 2 });
            Assert.Equal(["a", "b"], r.OpenTasks.Order());
            r.CompleteTask("b");
            Assert.DoesNotContain("after", r.OpenTasks);
            r.CompleteTask("a");
        });

        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void An_inclusive_join_waits_while_a_token_upstream_can_still_reach_it()
    {
        // fork -> a -> join, fork -> b -> c -> join: when a arrives, the token at b can still reach the join.
        var defs = new ProcessBuilder("p")
            .Add(Start(), And("fork"), User("a"), User("b"), User("c"), Or("join"), User("after"), End())
            .Chain("start", "fork", "a", "join").Chain("fork", "b", "c", "join").Chain("join", "after", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start().CompleteTask("a");
            Assert.Equal(["b"], r.OpenTasks);
            r.CompleteTask("b");
            Assert.Equal(["c"], r.OpenTasks);
            r.CompleteTask("c");
        });

        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void An_inclusive_join_inside_a_loop_fires_once_per_round()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Xor("loop"), Or("fork"), User("a"), User("b"), Or("join"), Xor("again", "done"), End())
            .Chain("start", "loop", "fork").Flow("fork", "a", "true").Flow("fork", "b", "round < 2")
            .Chain("a", "join").Chain("b", "join").Chain("join", "again")
            .Flow("again", "loop", "round < 3").Flow("again", "end", id: "done").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start(new { round = 1 });
            Assert.True(r.OpenTasks.Count == 2, string.Join("\n", r.Log));
            r.CompleteTask("b");
            Assert.True(r.OpenTasks.Count == 1, string.Join("\n", r.Log));
            Assert.Equal(["a"], r.OpenTasks);
            r.CompleteTask("a", new { round = 2 });
            Assert.Equal(["a"], r.OpenTasks);
            r.CompleteTask("a", new { round = 3 });
        });

        Assert.Equal(2, run.Completed.Count(c => c == "join"));
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_parallel_join_inside_a_loop_needs_both_branches_each_round()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Xor("loop"), And("fork"), User("a"), User("b"), And("join"), Xor("again", "done"), End())
            .Chain("start", "loop", "fork", "a", "join").Chain("fork", "b", "join").Chain("join", "again")
            .Flow("again", "loop", "!finished").Flow("again", "end", id: "done").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start(new { finished = false }).CompleteTask("a").CompleteTask("b");
            Assert.Equal(["a", "b"], r.OpenTasks.Order());
            r.CompleteTask("b").CompleteTask("a", new { finished = true });
        });

        Assert.Equal(2, run.Completed.Count(c => c == "join"));
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void An_event_based_gateway_takes_the_message_when_it_arrives_first()
    {
        var run = Scenario.Run(Race(), r => r.Start(new { order = "o1" }).Correlate("paid", "o1"));

        Assert.Equal(["start", "race", "paid", "thanks"], run.Completed);
        Assert.Single(run.All<TimerCancelled>());
    }

    [Fact]
    public void An_event_based_gateway_takes_the_timer_when_it_fires_first()
    {
        var run = Scenario.Run(Race(), r =>
        {
            r.Start(new { order = "o1" }).Fire("timeout");
            Assert.Equal(CommandRejection.NotFound, r.Rejected(new CorrelateMessage("paid", "o1", Vars.None)));
        });

        Assert.Equal(["start", "race", "timeout"], run.Completed);
        Assert.Single(run.All<MessageSubscriptionClosed>());
    }

    private static DefinitionSet Race() => new ProcessBuilder("p")
        .Add(Start(), EventGateway("race"), Catch("paid", Message("paid", "${order}")), Catch("timeout", Timer("P7D")), End("thanks"), User("remind"))
        .Chain("start", "race", "paid", "thanks").Chain("race", "timeout", "remind").Compile();
}

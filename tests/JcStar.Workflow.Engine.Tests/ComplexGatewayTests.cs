using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class ComplexGatewayTests
{
    private static DefinitionSet Defs() => Fixture.Load("complex-gateway.bpmn");

    [Fact]
    public void A_complex_join_fires_on_the_first_token_when_its_activation_condition_says_so_and_never_again_in_that_round()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("discriminator", new { needed = 1 });
            r.CompleteTask("b");
            Assert.Equal(["a", "after", "c"], r.OpenTasks.Order());
            r.CompleteTask("a").CompleteTask("c");
            Assert.Equal(["after"], r.OpenTasks);
            r.CompleteTask("after");
        });

        Assert.Single(run.Completed, c => c == "join");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_complex_join_waits_until_its_activation_condition_holds()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("discriminator", new { needed = 2 });
            r.CompleteTask("c");
            Assert.DoesNotContain("after", r.OpenTasks);
            r.CompleteTask("a");
            Assert.Contains("after", r.OpenTasks);
        });

        Assert.Single(run.Completed, c => c == "join");
    }

    [Fact]
    public void A_complex_join_that_has_fired_resets_once_the_remaining_tokens_have_arrived()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("discriminator", new { needed = 1 });
            r.CompleteTask("a").CompleteTask("after");
            // The case is not over: two tokens are still on their way to the join.
            Assert.Equal(InstanceStatus.Waiting, r.Status);
            r.CompleteTask("b").CompleteTask("c");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Empty(run.State!.Joins);
    }

    [Theory]
    [InlineData(3, new[] { "x" })]
    [InlineData(9, new[] { "x", "y" })]
    [InlineData(0, new[] { "z" })]
    public void A_complex_split_takes_every_flow_whose_condition_holds_else_the_default(int amount, string[] expected)
    {
        var run = Scenario.Run(Defs(), r => r.Start("split", new { amount }));

        Assert.Equal(expected, run.OpenTasks.Order());
    }

    [Fact]
    public void A_complex_join_without_activation_condition_waits_for_every_token_that_can_still_arrive()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("split", new { amount = 9 });
            r.CompleteTask("x");
            Assert.Equal(["y"], r.OpenTasks);
            r.CompleteTask("y");
        });

        Assert.Equal(["done"], run.OpenTasks);
        Assert.Single(run.Completed, c => c == "merge");
        Assert.Empty(run.State!.Joins);
    }

    [Fact]
    public void A_complex_join_that_has_reset_fires_again_on_the_first_token_of_the_next_round()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("rounds");
            r.CompleteTask("r_b");
            Assert.Equal(["r_a", "r_decide"], r.OpenTasks.Order());
            // The late review resets the join; it does not fire it.
            r.CompleteTask("r_a");
            Assert.Equal(["r_decide"], r.OpenTasks);
            Assert.Empty(r.State!.Joins);
            r.CompleteTask("r_decide", new { again = true });
            r.CompleteTask("r_a");
            Assert.Equal(["r_b", "r_decide"], r.OpenTasks.Order());
            r.CompleteTask("r_b").CompleteTask("r_decide", new { again = false });
        });

        Assert.Equal(2, run.Completed.Count(c => c == "r_join"));
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }
}

using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class ConditionalEventTests
{
    private static DefinitionSet Defs() => Fixture.Load("conditional-events.bpmn");

    [Fact]
    public void A_conditional_catch_event_waits_until_variables_changed_by_tasks_make_its_condition_hold()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("evidence", new { evidence = 0 });
            r.CompleteTask("upload1", new { evidence = 1 });
            Assert.DoesNotContain("assess", r.OpenTasks);
            r.CompleteTask("upload2", new { evidence = 3 });
        });

        Assert.Equal(["assess"], run.OpenTasks);
        Assert.Contains("allIn", run.Completed);
    }

    [Fact]
    public void A_conditional_catch_event_whose_condition_already_holds_passes_at_once()
    {
        var run = Scenario.Run(Defs(), r => r.Start("evidence", new { evidence = 5 }));

        Assert.Equal(["assess", "upload1"], run.OpenTasks.Order());
    }

    [Fact]
    public void A_message_correlated_with_variables_triggers_a_conditional_event()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("correlated", new { ready = false });
            Assert.Empty(r.OpenTasks);
            r.Correlate("docs", variables: new { ready = true });
        });

        Assert.Equal(["go"], run.OpenTasks);
        Assert.Contains("ready", run.Completed);
    }

    [Fact]
    public void An_interrupting_conditional_boundary_event_fires_only_on_changes_of_its_variable()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("boundary", new { withdrawn = false });
            r.CompleteTask("applicant", new { withdrawn = true, note = "x" });
        });

        Assert.DoesNotContain("review", run.OpenTasks);
        Assert.Contains("closed", run.Completed);
    }

    [Fact]
    public void A_non_interrupting_conditional_boundary_event_fires_on_each_update_of_its_variable_and_not_on_its_creation()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("boundary", new { withdrawn = false });
            r.CompleteTask("applicant", new { note = "first" });
            Assert.DoesNotContain("readNote", r.OpenTasks);
            r.CompleteTask("applicant2", new { note = "second" });
        });

        Assert.Equal(["readNote", "review"], run.OpenTasks.Order());
    }

    [Fact]
    public void A_non_interrupting_conditional_event_sub_process_starts_beside_the_work()
    {
        var run = Scenario.Run(Defs(), r => r.Start("watch", new { urgent = false }).CompleteTask("work", new { urgent = true }));

        Assert.Equal(["expedite", "work2"], run.OpenTasks.Order());
    }

    [Fact]
    public void An_interrupting_conditional_event_sub_process_ends_the_work()
    {
        var run = Scenario.Run(Defs(), r => r.Start("watch", new { urgent = false }).CompleteTask("work", new { withdrawn = true }));

        Assert.Empty(run.OpenTasks);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains("de", run.Completed);
    }

    [Fact]
    public void A_conditional_event_sub_process_whose_condition_holds_when_the_scope_is_entered_starts_at_once()
    {
        var run = Scenario.Run(Defs(), r => r.Start("watch", new { urgent = true }));

        Assert.Equal(["expedite", "work"], run.OpenTasks.Order());
    }

    [Fact]
    public void With_camunda_variableName_a_change_of_another_variable_does_not_fire_the_event_even_when_its_condition_holds()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("named");
            r.CompleteTask("score", new { points = 9 });
            // The condition holds now, but only a change of `decision` makes the event look at it.
            Assert.Equal(["assessment", "decide"], r.OpenTasks.Order());
            r.CompleteTask("decide", new { decision = "go" });
        });

        Assert.Equal(["fastTrack"], run.OpenTasks);
        Assert.Contains(run.All<UserTaskClosed>(), c => c.ElementId == "assessment" && c.Reason == UserTaskCloseReason.Cancelled);
    }

    [Fact]
    public void With_camunda_variableEvents_create_only_the_first_setting_of_the_variable_fires_the_event()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("created");
            r.CompleteTask("set1", new { flag = 1 });
            Assert.Single(r.TaskIds("seeFlag"));
            r.CompleteTask("set2", new { flag = 2 });
        });

        Assert.Single(run.TaskIds("seeFlag"));
        Assert.Contains("watching", run.OpenTasks);
    }

    [Fact]
    public void After_an_event_based_gateway_a_conditional_catch_event_wins_the_race_when_a_task_makes_it_hold()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("race", new { evidence = 0 });
            r.CompleteTask("record", new { evidence = 2 });
            Assert.Equal(["record2"], r.OpenTasks);
            r.CompleteTask("record2", new { evidence = 3 });
        });

        Assert.Equal(["examine"], run.OpenTasks);
        Assert.Contains(run.All<MessageSubscriptionClosed>(), c => c.ElementId == "mailed");
        Assert.DoesNotContain("mailed", run.Completed);
    }

    [Fact]
    public void A_conditional_boundary_event_on_a_sub_process_fires_when_tasks_inside_change_a_variable_of_the_sub_process()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("inner");
            r.CompleteTask("add1", new { count = 1 });
            Assert.Equal(["add2"], r.OpenTasks);
            r.CompleteTask("add2", new { count = 2 });
        });

        Assert.Equal(["enough"], run.OpenTasks);
        Assert.Contains("enoughIn", run.Completed);
        // The count stayed in the sub-process: the process never had it.
        Assert.False(run.State!.Elements.Single(e => e.Parent == 0).Variables?.ContainsKey("count") ?? false);
    }
}

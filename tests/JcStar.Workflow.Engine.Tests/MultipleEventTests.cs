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

    [Fact]
    public void A_multiple_intermediate_throw_event_throws_every_definition_and_goes_on()
    {
        var run = Scenario.Run(Defs(), r => r.Start("throws"));

        Assert.Single(run.All<MessageThrown>(), m => m.ElementId == "t_tell");
        Assert.Single(run.All<SignalThrown>(), s => s.ElementId == "t_tell" && s.SignalName == "recall");
        Assert.Equal(["t_next"], run.OpenTasks);
    }

    [Fact]
    public void A_non_interrupting_multiple_event_sub_process_start_runs_on_each_of_its_triggers_beside_the_work()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("subs").Correlate("docs");
            Assert.Equal(["s_note", "s_work"], r.OpenTasks.Order());
            r.Broadcast("recall");
        });

        Assert.Equal(2, run.TaskIds("s_note").Count);
        Assert.Single(run.TaskIds("s_work"));
    }

    [Fact]
    public void An_interrupting_multiple_event_sub_process_start_ends_the_work_on_whichever_trigger_comes_first()
    {
        var run = Scenario.Run(Defs(), r => r.Start("subs").Fire("s_stop"));

        Assert.Empty(run.OpenTasks);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.All<UserTaskClosed>(), c => c.ElementId == "s_work" && c.Reason == UserTaskCloseReason.Cancelled);
        Assert.Contains(run.All<SignalSubscriptionClosed>(), c => c.ElementId == "s_stop");
    }

    [Fact]
    public void A_parallel_multiple_event_sub_process_start_waits_for_every_trigger()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("both").Broadcast("paid");
            Assert.Equal(["b_review"], r.OpenTasks);
            r.Correlate("docs");
        });

        Assert.Equal(["b_check", "b_review"], run.OpenTasks.Order());
    }

    [Fact]
    public void An_interrupting_parallel_multiple_boundary_event_interrupts_only_once_every_trigger_has_occurred()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("both").Broadcast("recall");
            Assert.Equal(["b_review"], r.OpenTasks);
            r.Fire("b_stop");
        });

        Assert.Equal(["b_stopped"], run.OpenTasks);
        Assert.Contains(run.All<UserTaskClosed>(), c => c.ElementId == "b_review" && c.Reason == UserTaskCloseReason.Cancelled);
    }

    [Fact]
    public void A_multiple_catch_event_with_a_condition_among_its_triggers_passes_when_a_completed_task_makes_it_hold()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("orCondition", new { recorded = false });
            Assert.Equal(["c_record"], r.OpenTasks);
            r.CompleteTask("c_record", new { recorded = true });
        });

        Assert.Equal(["c_review"], run.OpenTasks);
        Assert.Contains(run.All<MessageSubscriptionClosed>(), c => c.ElementId == "c_wait");
    }
}

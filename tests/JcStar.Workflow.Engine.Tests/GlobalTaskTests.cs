using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class GlobalTaskTests
{
    private static DefinitionSet Defs() => Fixture.Load("global-tasks.bpmn");

    [Fact]
    public void Call_activities_run_the_global_tasks_they_call_in_place()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("shared", new { devices = 3 });
            var task = Assert.Single(r.All<UserTaskOpened>());
            Assert.Equal("payment", task.ElementId);
            Assert.Equal("Payment check", task.Name);
            Assert.Equal(["accounts"], task.CandidateGroups);
            r.CompleteTask("payment");
            Assert.Equal("rules.classify", Assert.Single(r.All<ActivityInvoked>()).ActivityName);
            r.CompleteJob("rules", new { level = "Star1" });
        });

        Assert.Equal(3000, run.Variable("fee").GetInt32());
        Assert.Equal("Star1", run.Variable("class").GetProperty("level").GetString());
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(["start", "fee", "payment", "rules", "letter", "nothing", "end"], run.Completed);
    }

    [Fact]
    public void A_boundary_event_on_the_call_activity_interrupts_the_global_task_it_runs()
    {
        var run = Scenario.Run(Defs(), r => r.Start("shared", new { devices = 1 }).Fire("late"));

        Assert.Equal(["remind"], run.OpenTasks);
        Assert.Contains(run.All<UserTaskClosed>(), c => c.ElementId == "payment" && c.Reason == UserTaskCloseReason.Cancelled);
    }
}

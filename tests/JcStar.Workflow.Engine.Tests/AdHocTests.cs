using JcStar.Workflow.Bpmn.Diagnostics;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class AdHocTests
{
    private static DefinitionSet Defs() => Fixture.Load("ad-hoc.bpmn");

    private static EngineCommand Choose(string elementId) => new ActivateAdHocActivity(elementId);

    [Fact]
    public void An_ad_hoc_sub_process_waits_for_choices_runs_the_chosen_activities_side_by_side_and_completes_when_its_condition_holds()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("parallel");
            Assert.Empty(r.OpenTasks);
            r.Send(Choose("checkDocs"));
            r.Send(Choose("inspectDevice"));
            Assert.Equal(["checkDocs", "inspectDevice"], r.OpenTasks.Order());
            r.CompleteTask("inspectDevice", new { approved = false });
            Assert.Equal(["checkDocs"], r.OpenTasks);
            r.CompleteTask("checkDocs", new { approved = true });
        });

        Assert.Equal(["p_after"], run.OpenTasks);
        Assert.Contains("p_checks", run.Completed);
    }

    [Fact]
    public void When_the_condition_holds_the_activities_still_running_are_cancelled()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("parallel").Send(Choose("checkDocs"));
            r.Send(Choose("inspectDevice"));
            r.CompleteTask("checkDocs", new { approved = true });
        });

        Assert.Contains(run.All<UserTaskClosed>(), c => c.ElementId == "inspectDevice" && c.Reason == UserTaskCloseReason.Cancelled);
        Assert.Equal(["p_after"], run.OpenTasks);
    }

    [Fact]
    public void Sequence_flows_inside_are_followed_and_only_activities_no_flow_leads_to_can_be_chosen()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("parallel").Send(Choose("interview"));
            Assert.Equal(CommandRejection.Invalid, r.Rejected(Choose("summary")));
            r.CompleteTask("interview", new { approved = false });
        });

        Assert.Equal(["summary"], run.OpenTasks);
    }

    [Fact]
    public void A_sequential_ad_hoc_sub_process_runs_one_chosen_activity_at_a_time()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("sequential").Send(Choose("reviewA"));
            Assert.Equal(CommandRejection.Invalid, r.Rejected(Choose("reviewB")));
            r.CompleteTask("reviewA", new { reviews = 1 });
            r.Send(Choose("reviewB"));
            r.CompleteTask("reviewB", new { reviews = 2 });
        });

        Assert.Equal(["s_after"], run.OpenTasks);
    }

    [Fact]
    public void Without_cancelling_the_running_activities_finish_first_and_nothing_new_may_be_chosen()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("finish").Send(Choose("f_a"));
            r.Send(Choose("f_b"));
            r.CompleteTask("f_a", new { approved = true });
            Assert.Equal(["f_b"], r.OpenTasks);
            Assert.Equal(CommandRejection.NoLongerPending, r.Rejected(Choose("f_c")));
            r.CompleteTask("f_b");
        });

        Assert.Equal(["f_after"], run.OpenTasks);
    }

    [Fact]
    public void Without_a_condition_it_completes_when_the_last_chosen_activity_completes()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("plain").Send(Choose("n_a"));
            r.Send(Choose("n_b"));
            r.CompleteTask("n_a");
            Assert.Equal(InstanceStatus.Waiting, r.Status);
            r.CompleteTask("n_b");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void The_open_choices_of_an_instance_can_be_listed()
    {
        var run = Scenario.Run(Defs(), r => r.Start("sequential"));

        var choice = Assert.Single(AdHocChoices.Of(Defs(), run.State!));
        Assert.Equal("s_reviews", choice.ElementId);
        Assert.Equal(["reviewA", "reviewB"], choice.Activities);
    }

    [Fact]
    public void A_start_event_inside_an_ad_hoc_sub_process_is_refused_by_validation()
    {
        var xml = Fixture.Xml("ad-hoc.bpmn").Replace("""<userTask id="n_a"/>""", """<startEvent id="n_in"/><userTask id="n_a"/>""");

        Assert.Contains(Fixture.DiagnosticsOfXml(xml, "ad-hoc.bpmn"), d => d.ElementId == "n_in" && d.Code == DiagnosticCodes.AdHoc);
    }
}

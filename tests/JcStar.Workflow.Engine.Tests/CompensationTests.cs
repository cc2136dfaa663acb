using JcStar.Workflow.Bpmn.Diagnostics;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class CompensationTests
{
    private static DefinitionSet Defs() => Fixture.Load("compensation.bpmn");

    [Fact]
    public void A_compensation_throw_runs_the_handlers_one_after_the_other_latest_completed_first_and_then_goes_on()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("all").CompleteTask("bookFacility").CompleteTask("requestFee");
            Assert.Equal(["refundFee"], r.OpenTasks);
            r.CompleteTask("refundFee");
            Assert.Equal(["cancelBooking"], r.OpenTasks);
            r.CompleteTask("cancelBooking");
        });

        Assert.Equal(["tellApplicant"], run.OpenTasks);
        Assert.Empty(run.State!.Compensations);
    }

    [Fact]
    public void What_can_be_compensated_is_kept_in_the_state_between_commands()
    {
        var run = Scenario.Run(Defs(), r => r.Start("all").CompleteTask("requestFee"));

        var record = Assert.Single(run.State!.Compensations);
        Assert.Equal("requestFee", record.ElementId);
        Assert.Contains("\"compensations\"", InstanceStateSerializer.Serialize(run.State));
    }

    [Fact]
    public void A_throw_with_an_activityRef_compensates_only_that_activity_and_an_end_event_waits_for_it()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("one").CompleteTask("o_fee").CompleteTask("o_book");
            Assert.Equal(["o_refund"], r.OpenTasks);
            Assert.Equal(InstanceStatus.Waiting, r.Status);
            r.CompleteTask("o_refund", new { refunded = true });
        });

        Assert.Empty(run.OpenTasks);
        Assert.True(run.Variable("refunded").GetBoolean());
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.DoesNotContain("o_cancel", run.Completed);
    }

    [Fact]
    public void A_throw_that_does_not_wait_goes_on_at_once_while_its_handler_runs()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("nowait").CompleteTask("n_fee");
            Assert.Equal(["n_after", "n_refund"], r.OpenTasks.Order());
            r.CompleteTask("n_after");
            Assert.Equal(InstanceStatus.Waiting, r.Status);
            r.CompleteTask("n_refund");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_completed_sub_process_without_a_handler_is_compensated_from_the_inside_in_reverse_order()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("inside").CompleteTask("i_a").CompleteTask("i_b");
            Assert.Equal(["i_undoB"], r.OpenTasks);
            r.CompleteTask("i_undoB");
            Assert.Equal(["i_undoA"], r.OpenTasks);
            r.CompleteTask("i_undoA");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(1, run.Completed.Count(c => c == "i_sub"));
    }

    [Fact]
    public void A_compensation_event_sub_process_runs_with_the_sub_process_data_and_compensates_its_inside()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("esp").CompleteTask("e_a");
            Assert.Equal(["e_undoA"], r.OpenTasks);
            r.CompleteTask("e_undoA");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(1200, run.Variable("refundedFee").GetInt32());
        Assert.Contains("e_note", run.Completed);
    }

    [Fact]
    public void Each_completed_instance_of_a_multi_instance_activity_is_compensated()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("many");
            Assert.Equal(3, r.Variable("booked").GetInt32());
            r.CompleteTask("m_wait");
        });

        Assert.Equal(0, run.Variable("booked").GetInt32());
        Assert.Equal(3, run.Completed.Count(c => c == "m_unbook"));
    }

    [Fact]
    public void A_compensation_boundary_event_without_a_handler_is_refused_by_validation()
    {
        var xml = Fixture.Xml("compensation.bpmn").Replace("""<association id="a1" sourceRef="feeUndo" targetRef="refundFee"/>""", "");

        var diagnostics = Fixture.DiagnosticsOfXml(xml, "compensation.bpmn");

        Assert.Contains(diagnostics, d => d.ElementId == "feeUndo" && d.Code == DiagnosticCodes.Compensation);
    }

    [Fact]
    public void An_intermediate_throw_with_an_activityRef_runs_only_that_handler_and_goes_on_once_it_has_finished()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("named").CompleteTask("w_fee").CompleteTask("w_book");
            Assert.Equal(["w_refund"], r.OpenTasks);
            r.CompleteTask("w_refund");
            Assert.Equal(["w_after"], r.OpenTasks);
            r.CompleteTask("w_after");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.DoesNotContain(run.All<UserTaskOpened>(), t => t.ElementId == "w_unbook");
        Assert.True(run.Completed.IndexOf("w_refund") < run.Completed.IndexOf("w_throw"));
    }

    [Fact]
    public void An_activity_is_compensated_at_most_once()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("twice").CompleteTask("t_fee");
            Assert.Equal(["t_refund"], r.OpenTasks);
            r.CompleteTask("t_refund");
        });

        Assert.Equal(["t_after"], run.OpenTasks);
        Assert.Single(run.All<UserTaskOpened>(), t => t.ElementId == "t_refund");
        Assert.Contains("t_second", run.Completed);
    }
}

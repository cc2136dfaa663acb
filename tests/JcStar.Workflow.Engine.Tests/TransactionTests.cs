using JcStar.Workflow.Bpmn.Diagnostics;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class TransactionTests
{
    private static DefinitionSet Defs() => Fixture.Load("transaction.bpmn");

    [Fact]
    public void A_transaction_that_ends_normally_leaves_by_its_sequence_flow()
    {
        var run = Scenario.Run(Defs(), r => r.Start("labelling").CompleteTask("charge").CompleteTask("reserve").CompleteTask("decide", new { refused = false, broken = false }));

        Assert.Equal(["issue"], run.OpenTasks);
    }

    [Fact]
    public void A_cancel_end_event_ends_the_other_tokens_compensates_what_completed_latest_first_and_then_leaves_by_the_cancel_boundary()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("labelling").CompleteTask("reserve").CompleteTask("charge");
            r.CompleteTask("decide", new { refused = true, broken = false });
            Assert.Equal(["refund"], r.OpenTasks);
            Assert.DoesNotContain(r.All<FlowNodeCompleted>(), c => c.ElementId == "release");
            r.CompleteTask("refund");
        });

        Assert.Equal(["tellRefused"], run.OpenTasks);
        Assert.True(run.Variable("released").GetBoolean());
        var order = run.Completed;
        Assert.True(order.IndexOf("refund") < order.IndexOf("release"));
        Assert.True(order.IndexOf("release") < order.IndexOf("cancelled"));
    }

    [Fact]
    public void A_cancel_while_another_branch_still_works_cancels_that_branch_and_compensates_only_what_completed()
    {
        var run = Scenario.Run(Defs(), r => r.Start("labelling").CompleteTask("charge").CompleteTask("decide", new { refused = true, broken = false }).CompleteTask("refund"));

        Assert.Equal(["tellRefused"], run.OpenTasks);
        Assert.Contains(run.All<UserTaskClosed>(), c => c.ElementId == "reserve" && c.Reason == UserTaskCloseReason.Cancelled);
        Assert.DoesNotContain("release", run.Completed);
    }

    [Fact]
    public void An_error_inside_a_transaction_interrupts_it_without_compensation()
    {
        var run = Scenario.Run(Defs(), r => r.Start("labelling").CompleteTask("reserve").CompleteTask("charge").CompleteTask("decide", new { refused = false, broken = true }));

        Assert.Equal(["investigate"], run.OpenTasks);
        Assert.DoesNotContain("release", run.Completed);
        Assert.DoesNotContain(run.All<UserTaskOpened>(), t => t.ElementId == "refund");
        Assert.Empty(run.State!.Compensations);
    }

    [Fact]
    public void A_cancel_end_event_in_a_transaction_without_a_cancel_boundary_event_is_refused()
    {
        var xml = Fixture.Xml("transaction.bpmn").Replace("""<boundaryEvent id="cancelled" attachedToRef="tx"><cancelEventDefinition/></boundaryEvent>""", "")
            .Replace("""<sequenceFlow id="f4" sourceRef="cancelled" targetRef="tellRefused"/>""", "");

        Assert.Contains(Fixture.DiagnosticsOfXml(xml, "transaction.bpmn"), d => d.ElementId == "txCancel" && d.Code == DiagnosticCodes.Cancel);
    }
}

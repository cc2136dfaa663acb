using JcStar.Workflow.Bpmn.Diagnostics;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>Where the engine used to depart from BPMN 2.0.2 (chapter 13) and now follows it.</summary>
public sealed class DepartureTests
{
    [Theory]
    [InlineData(3, new[] { "a" })]
    [InlineData(10, new[] { "a", "b" })]
    [InlineData(0, new[] { "fallback" })]
    public void Conditional_flows_leaving_a_task_take_every_flow_that_holds_and_the_default_only_when_none_does(int x, string[] expected)
    {
        var run = Scenario.Run(Fixture.Load("conditional-flows-from-a-task.bpmn"), r => r.Start(new { x }));

        Assert.Equal(expected.Order(), run.OpenTasks.Order());
    }

    [Fact]
    public void Conditional_flows_leaving_an_event_take_every_flow_that_holds()
    {
        var run = Scenario.Run(Fixture.Load("conditional-flows-from-a-task.bpmn"), r => r.Start(new { x = 10 }).CompleteTask("a"));

        Assert.Equal(["bigEnd", "end"], run.Completed.Where(c => c.EndsWith("nd", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_parallel_gateway_is_ignored_with_a_warning()
    {
        Assert.Contains(Fixture.Diagnostics("parallel-gateway-conditions.bpmn"),
            d => d.Code == DiagnosticCodes.ConditionOnParallelGateway && d.Severity == DiagnosticSeverity.Warning && d.ElementId == "never");

        var run = Scenario.Run(Fixture.Load("parallel-gateway-conditions.bpmn"), r => r.Start());

        Assert.Equal(["a", "b"], run.OpenTasks.Order());
    }

    [Fact]
    public void An_activity_sends_completion_quantity_tokens_and_waits_for_start_quantity_tokens()
    {
        var run = Scenario.Run(Fixture.Load("quantities.bpmn"), r =>
        {
            r.Start();
            Assert.Equal(3, r.TaskIds("each").Count);
            r.Send(new CompleteUserTask(r.TaskIds("each")[0], Vars.None));
            r.Send(new CompleteUserTask(r.TaskIds("each")[0], Vars.None));
            Assert.DoesNotContain("collect", r.OpenTasks);
            r.CompleteTasks("each");
            Assert.Equal(["collect"], r.OpenTasks);
            r.CompleteTask("collect");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Single(run.Completed, c => c == "collect");
    }

    [Fact]
    public void An_activity_sends_completion_quantity_tokens_on_each_of_its_outgoing_flows()
    {
        var run = Scenario.Run(Fixture.Load("quantities.bpmn"), r => r.Start("fanOut"));

        Assert.Equal(2, run.TaskIds("q_left").Count);
        Assert.Equal(2, run.TaskIds("q_right").Count);
    }

    [Theory]
    [InlineData("startQuantity")]
    [InlineData("completionQuantity")]
    public void A_quantity_of_zero_is_a_validation_error_naming_the_activity(string attribute)
    {
        var xml = Fixture.Xml("quantities.bpmn").Replace("""<userTask id="each"/>""", $"""<userTask id="each" {attribute}="0"/>""");

        Assert.Contains(Fixture.DiagnosticsOfXml(xml, "quantities.bpmn"),
            d => d.ElementId == "each" && d.Code == DiagnosticCodes.InvalidQuantity && d.Severity == DiagnosticSeverity.Error && d.Message.Contains(attribute, StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_loopMaximum_is_a_validation_error_naming_the_activity()
    {
        var xml = Fixture.Xml("quantities.bpmn").Replace("""<userTask id="each"/>""",
            """<userTask id="each"><standardLoopCharacteristics loopMaximum="-1"/></userTask>""");

        Assert.Contains(Fixture.DiagnosticsOfXml(xml, "quantities.bpmn"),
            d => d.ElementId == "each" && d.Code == DiagnosticCodes.NegativeLoopMaximum && d.Severity == DiagnosticSeverity.Error);
    }
}

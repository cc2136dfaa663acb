using System.CommandLine;
using System.Text.Json;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Cli.Tests;

/// <summary>
/// <c>jcstar simulate</c> end to end, one small diagram for each kind of element the engine gained with the rest of
/// BPMN 2.0 (Fixtures/simulate/bpmn2: each .bpmn beside its scenario .json): the path taken and what it left behind.
/// </summary>
public sealed class SimulateBpmn2Tests
{
    private static readonly string Fixtures = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Cli.Tests", "Fixtures", "simulate", "bpmn2");

    private static JsonElement Simulate(string name)
    {
        var root = new RootCommand { SimulateCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["simulate", Path.Combine(Fixtures, name + ".bpmn"), "--scenario", Path.Combine(Fixtures, name + ".json")])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit == 0, $"exit {exit}: {error}");
        var report = JsonDocument.Parse(output.ToString()).RootElement.Clone();
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Empty(report.GetProperty("incidents").EnumerateArray());
        return report;
    }

    private static string[] Trace(JsonElement report) =>
        [.. report.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("element").GetString()!)];

    private static JsonElement Variable(JsonElement report, string name) => report.GetProperty("variables").GetProperty(name);

    [Fact]
    public void A_compensation_end_event_runs_the_handler_of_the_completed_fee_request()
    {
        var report = Simulate("compensation");

        Assert.Equal(["start", "requestFee", "review", "gw", "cancelFee", "undone"], Trace(report));
        Assert.False(Variable(report, "feeRequested").GetBoolean());
    }

    [Fact]
    public void A_cancel_end_event_compensates_the_transaction_and_leaves_by_the_cancel_boundary_event()
    {
        var report = Simulate("transaction");

        Assert.Equal(["start", "txStart", "charge", "decide", "verdict", "refund", "txCancel", "cancelled", "refusedEnd"], Trace(report));
        Assert.True(Variable(report, "refunded").GetBoolean());
    }

    [Fact]
    public void A_conditional_catch_event_passes_when_a_completed_task_makes_its_condition_hold()
    {
        var report = Simulate("conditional");

        Assert.Equal(["start", "fork", "uploadA", "uploadB", "endB", "allIn", "assess", "endA"], Trace(report));
    }

    [Fact]
    public void A_complex_gateway_fires_on_its_activation_condition_and_absorbs_the_late_token()
    {
        var report = Simulate("complex-gateway");

        // The join fires once, after the second review; the third arrives after the decision and goes no further.
        Assert.Equal(["start", "fork", "a", "c", "join", "decide", "end", "b"], Trace(report));
    }

    [Fact]
    public void An_ad_hoc_sub_process_runs_only_the_chosen_activity_and_what_flows_from_it()
    {
        var report = Simulate("ad-hoc");

        Assert.Equal(["start", "interview", "minutes", "checks", "end"], Trace(report));
    }

    [Fact]
    public void A_multiple_catch_takes_the_first_trigger_and_a_parallel_multiple_boundary_event_waits_for_both()
    {
        var report = Simulate("multiple-events");

        // The deadline passed before the documents came; the review stops only after the message and the signal.
        Assert.Equal(["start", "wait", "stop", "stopped"], Trace(report));
    }

    [Fact]
    public void A_call_activity_runs_the_global_script_task_and_the_global_user_task_in_place()
    {
        var report = Simulate("global-task");

        Assert.Equal(["start", "fee", "payment", "end"], Trace(report));
        Assert.Equal(3000, Variable(report, "fee").GetInt32());
    }

    [Fact]
    public void Each_completed_instance_of_a_multi_instance_task_with_behavior_none_throws_its_event()
    {
        var report = Simulate("multi-instance-behavior");

        // Each review's completion is followed by the escalation its boundary event catches, and the task goes on.
        Assert.Equal(["review", "told", "review", "told"], Trace(report).Where(e => e is "review" or "told"));
        Assert.Equal(2, Variable(report, "notes").GetInt32());
        Assert.Contains("end", Trace(report));
    }

    [Fact]
    public void Conditional_flows_leaving_a_task_take_every_flow_that_holds_and_quantities_send_and_await_two_tokens()
    {
        var report = Simulate("departures");

        // Both conditions hold, so the default (manual) is not taken; filing runs once, on the two copies' tokens.
        Assert.Equal(["start", "check", "copies", "audit", "audited", "file", "filed"], Trace(report));
    }
}

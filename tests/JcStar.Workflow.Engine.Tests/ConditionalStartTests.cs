using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>
/// Process-level conditional start events: the host asks whether a condition holds for the variables it was given
/// (no instance exists yet), then starts the process at that event, as Camunda 7's evaluateStartConditions does.
/// </summary>
public sealed class ConditionalStartTests
{
    private static DefinitionSet Defs() => Fixture.Load("conditional-start.bpmn");

    private static ConditionalEventDefinition Condition(DefinitionSet definitions, string processId) =>
        definitions.Index(processId)!.StartEvents.SelectMany(s => s.EventDefinitions).OfType<ConditionalEventDefinition>().Single();

    [Fact]
    public void A_start_condition_holds_only_for_variables_that_make_it_true()
    {
        var definitions = Defs();
        var engine = new WorkflowEngine();

        Assert.True(engine.StartConditionHolds(definitions, Condition(definitions, "investigation"), Vars.Of(new { severity = 8 })));
        Assert.False(engine.StartConditionHolds(definitions, Condition(definitions, "investigation"), Vars.Of(new { severity = 3 })));
    }

    [Fact]
    public void A_start_condition_reading_a_variable_that_was_not_given_does_not_hold()
    {
        var definitions = Defs();

        Assert.False(new WorkflowEngine().StartConditionHolds(definitions, Condition(definitions, "investigation"), Vars.Of(new { lots = new[] { "L-1" } })));
    }

    [Fact]
    public void A_start_condition_that_fails_on_the_variables_given_is_a_script_failure_naming_the_expression()
    {
        var definitions = Defs();

        var failure = Assert.Throws<ScriptFailure>(() => new WorkflowEngine().StartConditionHolds(definitions, Condition(definitions, "recallLots"), Vars.Of(new { lots = (object?)null })));
        Assert.Contains("lots.length > 0", failure.Message);
    }

    [Fact]
    public void A_process_started_at_its_conditional_start_event_runs_on_with_the_variables_given()
    {
        var run = Scenario.Run(Defs(), r => r.Send(new StartInstance("i1", "investigation", Vars.Of(new { severity = 9 }), StartEventId: "severe", ByCondition: true)));

        Assert.Equal(["investigate"], run.OpenTasks);
        Assert.Contains("severe", run.Completed);
        Assert.Equal(9, run.Variable("severity").GetInt32());
    }

    [Fact]
    public void A_parallel_multiple_start_event_started_by_its_condition_waits_for_its_signal()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Send(new StartInstance("i1", "recallLots", Vars.Of(new { lots = new[] { "L-1" } }), StartEventId: "recallAndLots", ByCondition: true));
            Assert.Empty(r.OpenTasks);
            r.Broadcast("recall");
        });

        Assert.Equal(["notify"], run.OpenTasks);
    }

    [Fact]
    public void A_parallel_multiple_start_event_started_by_its_signal_passes_its_condition_at_once_when_it_already_holds()
    {
        var run = Scenario.Run(Defs(), r => r.Send(new StartInstance("i1", "recallLots", Vars.Of(new { lots = new[] { "L-1", "L-2" } }), StartEventId: "recallAndLots", SignalName: "recall")));

        Assert.Equal(["notify"], run.OpenTasks);
    }

    [Fact]
    public void A_parallel_multiple_start_event_started_by_its_signal_waits_without_an_incident_while_its_condition_reads_a_variable_not_set()
    {
        var run = Scenario.Run(Defs(), r => r.Send(new StartInstance("i1", "recallLots", Vars.None, StartEventId: "recallAndLots", SignalName: "recall")));

        Assert.Empty(run.OpenTasks);
        Assert.Empty(run.All<IncidentRaised>());
        Assert.Equal(InstanceStatus.Waiting, run.Status);
    }

    [Fact]
    public void The_conditional_start_fixture_validates_without_errors()
    {
        Assert.DoesNotContain(Fixture.Diagnostics("conditional-start.bpmn"), d => d.Severity == JcStar.Workflow.Bpmn.Diagnostics.DiagnosticSeverity.Error);
    }
}

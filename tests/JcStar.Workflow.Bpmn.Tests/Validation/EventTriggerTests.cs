using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Validation;

/// <summary>The triggers each kind of event may have: what the engine refuses, the validator finds first, with its line.</summary>
public sealed class EventTriggerTests
{
    private static string Model(string start, string middle = """<task id="work"/>""", string end = """<endEvent id="end"/>""", string extra = "") => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <error id="err" errorCode="E1"/>
          <process id="p" isExecutable="true">
            {start}
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            {middle}
            <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
            {end}
            {extra}
          </process>
        </definitions>
        """;

    private static List<BpmnDiagnostic> Triggers(string xml) =>
        [.. BpmnValidator.Validate(BpmnReader.Read(xml, "test.bpmn")).Where(d => d.Code == DiagnosticCodes.EventTrigger)];

    private const string Conditional = """<conditionalEventDefinition><condition xsi:type="tFormalExpression">${ready}</condition></conditionalEventDefinition>""";

    [Fact]
    public void A_conditional_start_event_of_a_process_runs_so_it_is_not_refused()
    {
        var xml = Model($"""<startEvent id="start">{Conditional}</startEvent>""");

        Assert.DoesNotContain(BpmnValidator.Validate(BpmnReader.Read(xml, "test.bpmn")), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_conditional_start_event_of_a_process_without_a_condition_is_refused_naming_the_start_event()
    {
        var xml = Model("""<startEvent id="start"><conditionalEventDefinition/></startEvent>""");

        var d = Assert.Single(BpmnValidator.Validate(BpmnReader.Read(xml, "test.bpmn")), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.MissingCondition, "start", 4), (d.Code, d.ElementId, d.Line));
        Assert.Contains("no condition", d.Message);
    }

    [Theory]
    [InlineData("""<startEvent id="start"><errorEventDefinition errorRef="err"/></startEvent>""", "start")]
    [InlineData("""<startEvent id="start"><escalationEventDefinition/></startEvent>""", "start")]
    [InlineData("""<startEvent id="start"><compensateEventDefinition/></startEvent>""", "start")]
    [InlineData("""<startEvent id="start"><linkEventDefinition name="x"/></startEvent>""", "start")]
    public void A_process_cannot_start_on_a_trigger_only_an_event_sub_process_or_nothing_may_have(string start, string id)
    {
        Assert.Equal(id, Assert.Single(Triggers(Model(start))).ElementId);
    }

    [Fact]
    public void Each_kind_of_event_is_refused_a_trigger_it_cannot_have()
    {
        var xml = Model("""<startEvent id="start"/>""",
            middle: """<task id="work"/><boundaryEvent id="bare" attachedToRef="work"/><sequenceFlow id="f3" sourceRef="bare" targetRef="thrown"/>""",
            end: """<endEvent id="end"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></endEvent>""",
            extra: """
                <intermediateThrowEvent id="thrown"><errorEventDefinition errorRef="err"/></intermediateThrowEvent>
                <sequenceFlow id="f4" sourceRef="thrown" targetRef="caught"/>
                <intermediateCatchEvent id="caught"/>
                <sequenceFlow id="f5" sourceRef="caught" targetRef="end"/>
                """);

        Assert.Equal(["bare", "caught", "end", "thrown"], Triggers(xml).Select(d => d.ElementId).Order());
    }

    [Fact]
    public void What_runs_is_not_refused_a_conditional_event_sub_process_start_conditional_catch_and_boundary_events()
    {
        var xml = Model("""<startEvent id="start"/>""",
            middle: $"""<task id="work"/><boundaryEvent id="watch" attachedToRef="work">{Conditional}</boundaryEvent><sequenceFlow id="f3" sourceRef="watch" targetRef="caught"/>""",
            extra: $"""
                <intermediateCatchEvent id="caught">{Conditional}</intermediateCatchEvent>
                <sequenceFlow id="f5" sourceRef="caught" targetRef="end"/>
                <subProcess id="esp" triggeredByEvent="true">
                  <startEvent id="espStart" isInterrupting="false">{Conditional}</startEvent>
                  <sequenceFlow id="e1" sourceRef="espStart" targetRef="espEnd"/>
                  <endEvent id="espEnd"/>
                </subProcess>
                """);

        Assert.Empty(Triggers(xml));
    }
}

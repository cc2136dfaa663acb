using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>
/// The validator (what <c>jcstar validate</c> and the modeler's check say) and the engine (what deployment compiles)
/// agree on which event triggers run: neither refuses what the other runs.
/// </summary>
public sealed class TriggerAgreementTests
{
    private const string Conditional = """<conditionalEventDefinition><condition xsi:type="tFormalExpression">${ready}</condition></conditionalEventDefinition>""";

    private static string Model(string start, string extra = "") => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <error id="err" errorCode="E1"/>
          <process id="p" isExecutable="true">
            {start}
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <userTask id="work"/>
            <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
            <endEvent id="end"/>
            {extra}
          </process>
        </definitions>
        """;

    public static TheoryData<string, string, bool> Cases() => new()
    {
        { "conditional process start", Model($"""<startEvent id="start">{Conditional}</startEvent>"""), true },
        { "conditional process start without a condition", Model("""<startEvent id="start"><conditionalEventDefinition/></startEvent>"""), false },
        { "conditional among several process start triggers", Model($"""<startEvent id="start" parallelMultiple="true"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>{Conditional}</startEvent>"""), true },
        { "error process start", Model("""<startEvent id="start"><errorEventDefinition errorRef="err"/></startEvent>"""), false },
        { "bare boundary event", Model("""<startEvent id="start"/>""", """<boundaryEvent id="b" attachedToRef="work"/><sequenceFlow id="f3" sourceRef="b" targetRef="e2"/><endEvent id="e2"/>"""), false },
        { "bare catch event", Model("""<startEvent id="start"/>""", """<boundaryEvent id="b" attachedToRef="work"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id="f3" sourceRef="b" targetRef="c"/><intermediateCatchEvent id="c"/><sequenceFlow id="f4" sourceRef="c" targetRef="e2"/><endEvent id="e2"/>"""), false },
        { "error throw event", Model("""<startEvent id="start"/>""", """<boundaryEvent id="b" attachedToRef="work"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id="f3" sourceRef="b" targetRef="t"/><intermediateThrowEvent id="t"><errorEventDefinition errorRef="err"/></intermediateThrowEvent><sequenceFlow id="f4" sourceRef="t" targetRef="e2"/><endEvent id="e2"/>"""), false },
        { "timer end event", Model("""<startEvent id="start"/>""", """<boundaryEvent id="b" attachedToRef="work"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id="f3" sourceRef="b" targetRef="e2"/><endEvent id="e2"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></endEvent>"""), false },
        { "event sub-process start without trigger", Model("""<startEvent id="start"/>""", """<subProcess id="esp" triggeredByEvent="true"><startEvent id="s2"/><sequenceFlow id="g1" sourceRef="s2" targetRef="e2"/><endEvent id="e2"/></subProcess>"""), false },
        { "conditional boundary and catch events", Model("""<startEvent id="start"/>""", $"""<boundaryEvent id="b" attachedToRef="work">{Conditional}</boundaryEvent><sequenceFlow id="f3" sourceRef="b" targetRef="c"/><intermediateCatchEvent id="c">{Conditional}</intermediateCatchEvent><sequenceFlow id="f4" sourceRef="c" targetRef="e2"/><endEvent id="e2"/>"""), true },
        { "conditional event sub-process start", Model("""<startEvent id="start"/>""", $"""<subProcess id="esp" triggeredByEvent="true"><startEvent id="s2">{Conditional}</startEvent><sequenceFlow id="g1" sourceRef="s2" targetRef="e2"/><endEvent id="e2"/></subProcess>"""), true },
        { "compensation event sub-process start", Model("""<startEvent id="start"/>""", """<subProcess id="esp" triggeredByEvent="true"><startEvent id="s2"><compensateEventDefinition/></startEvent><sequenceFlow id="g1" sourceRef="s2" targetRef="e2"/><endEvent id="e2"/></subProcess>"""), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_validator_refuses_exactly_what_the_engine_refuses(string what, string xml, bool runs)
    {
        var errors = Fixture.DiagnosticsOfXml(xml, what).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var compiled = Record.Exception(() => DefinitionSet.From(BpmnReader.Read(xml, what).Model));

        Assert.True(runs == (errors.Count == 0), $"{what}: validator says {string.Join("; ", errors)}");
        Assert.True(runs == compiled is null, $"{what}: engine says {compiled?.Message}");
    }
}

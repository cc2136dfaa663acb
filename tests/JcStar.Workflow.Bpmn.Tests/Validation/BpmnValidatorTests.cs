using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Validation;

public sealed class BpmnValidatorTests
{
    /// <summary>Wraps flow elements in an executable process; the process starts on line 4, the body on line 5.</summary>
    private static string Model(string body, string roots = "", string executable = "true") => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          {roots}
          <process id="p" isExecutable="{executable}">
        {body}
          </process>
        </definitions>
        """;

    private const string Linear = """
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
          <task id="work"/>
          <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
          <endEvent id="end"/>
        """;

    private static IReadOnlyList<BpmnDiagnostic> Validate(string xml, IExpressionSyntax? syntax = null) =>
        BpmnValidator.Validate(BpmnReader.Read(xml, "test.bpmn"), syntax);

    private static BpmnDiagnostic Single(string xml, string code, IExpressionSyntax? syntax = null)
    {
        var diagnostics = Validate(xml, syntax);
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join("\n", diagnostics)}");
        Assert.Equal("test.bpmn", matching[0].Source);
        Assert.True(matching[0].Line > 0);
        return matching[0];
    }

    private sealed class RejectingSyntax(string bad) : IExpressionSyntax
    {
        public List<(Expression, ExpressionUse)> Seen { get; } = [];

        public string? Check(Expression expression, ExpressionUse use)
        {
            Seen.Add((expression, use));
            return expression.Text.Contains(bad, StringComparison.Ordinal) ? "Unexpected token at 1:3" : null;
        }
    }

    [Fact]
    public void Validation_never_throws_on_any_corpus_file_valid_or_not()
    {
        var files = Corpus.MiwgFiles().Select(f => (Corpus.Miwg, f))
            .Concat(Corpus.ModdleValidFiles().Concat(Corpus.ModdleErrorFiles()).Select(f => (Corpus.Moddle, f)));
        foreach (var (folder, file) in files)
        {
            var diagnostics = BpmnValidator.Validate(Corpus.Read(folder, file), new RejectingSyntax("\u0000"));
            Assert.All(diagnostics, d => Assert.Equal(file, d.Source));
        }
    }

    [Fact]
    public void A_simple_executable_process_has_no_diagnostics()
    {
        Assert.Empty(Validate(Model(Linear)));
    }

    [Fact]
    public void Duplicate_ids_are_reported_on_the_second_use()
    {
        var d = Single(Model(Linear + """<task id="work"/>"""), DiagnosticCodes.DuplicateId);
        Assert.Equal("work", d.ElementId);
        Assert.Equal(9, d.Line);
    }

    [Fact]
    public void A_flow_to_an_unknown_id_is_a_dangling_reference()
    {
        var d = Single(Model(Linear + """<sequenceFlow id="f3" sourceRef="work" targetRef="ghost"/>"""), DiagnosticCodes.DanglingReference);
        Assert.Equal("test.bpmn:9: f3: targetRef=\"ghost\" names no element in this file", d.ToString());
    }

    [Fact]
    public void A_flow_into_another_scope_goes_nowhere()
    {
        var body = Linear + """
            <subProcess id="sub"><startEvent id="s2"/></subProcess>
            <sequenceFlow id="f3" sourceRef="work" targetRef="s2"/>
            """;
        Assert.Equal("f3", Single(Model(body), DiagnosticCodes.FlowToNowhere).ElementId);
    }

    [Fact]
    public void A_flow_without_a_target_goes_nowhere()
    {
        Assert.Contains("no targetRef", Single(Model(Linear + """<sequenceFlow id="f3" sourceRef="work"/>"""), DiagnosticCodes.FlowToNowhere).Message);
    }

    [Fact]
    public void A_process_without_a_start_event_is_refused()
    {
        Assert.Equal("p", Single(Model("""<task id="t"/>"""), DiagnosticCodes.NoStartEvent).ElementId);
    }

    [Fact]
    public void Elements_no_token_can_reach_are_reported()
    {
        var d = Single(Model(Linear + """<task id="orphan"/>"""), DiagnosticCodes.Unreachable);
        Assert.Equal("orphan", d.ElementId);
    }

    [Fact]
    public void Boundary_events_and_event_sub_processes_count_as_entry_points()
    {
        var body = Linear + """
            <boundaryEvent id="late" attachedToRef="work"><timerEventDefinition><timeDuration>P5D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="late" targetRef="remind"/>
            <task id="remind"/>
            <subProcess id="esp" triggeredByEvent="true"><startEvent id="es"><signalEventDefinition/></startEvent></subProcess>
            """;
        Assert.DoesNotContain(Validate(Model(body)), d => d.Code == DiagnosticCodes.Unreachable);
    }

    [Fact]
    public void A_condition_on_a_flow_out_of_a_parallel_gateway_is_a_warning_not_a_refusal()
    {
        var body = """
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="a" sourceRef="fork" targetRef="end"><conditionExpression xsi:type="tFormalExpression">x &gt; 1</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
            """;
        var d = Single(Model(body), DiagnosticCodes.ConditionOnParallelGateway);
        Assert.Equal("a", d.ElementId);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("ignores", d.Message);
    }

    [Theory]
    [InlineData("startQuantity")]
    [InlineData("completionQuantity")]
    public void A_quantity_of_zero_on_an_activity_is_refused(string attribute)
    {
        var body = Linear.Replace("""<task id="work"/>""", $"""<task id="work" {attribute}="0"/>""");
        var d = Single(Model(body), DiagnosticCodes.InvalidQuantity);
        Assert.Equal("work", d.ElementId);
        Assert.Contains(attribute, d.Message);
        Assert.Empty(Validate(Model(Linear.Replace("""<task id="work"/>""", $"""<task id="work" {attribute}="2"/>"""))));
    }

    [Fact]
    public void A_negative_loop_maximum_is_refused()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<task id="work"><standardLoopCharacteristics loopMaximum="-1"/></task>""");
        Assert.Equal("work", Single(Model(body), DiagnosticCodes.NegativeLoopMaximum).ElementId);
    }

    private static string CycleBoundary(string cycle) => Linear.Replace("""<task id="work"/>""", $"""
        <task id="work"/>
        <boundaryEvent id="tick" attachedToRef="work" cancelActivity="false"><timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></boundaryEvent>
        <sequenceFlow id="f3" sourceRef="tick" targetRef="tock"/><endEvent id="tock"/>
        """);

    [Fact]
    public void A_timer_cycle_shorter_than_the_minimum_is_refused()
    {
        var d = Single(Model(CycleBoundary("R/PT0.001S")), DiagnosticCodes.TimerCycleTooShort);
        Assert.Equal("tick", d.ElementId);
        Assert.Contains("MinimumTimerCycle", d.Message);
        Assert.DoesNotContain(Validate(Model(CycleBoundary("R/PT1M"))), x => x.Code == DiagnosticCodes.TimerCycleTooShort);
        Assert.DoesNotContain(Validate(Model(CycleBoundary("R/P1M"))), x => x.Code == DiagnosticCodes.TimerCycleTooShort);
    }

    [Fact]
    public void The_minimum_timer_cycle_comes_from_the_options()
    {
        var read = BpmnReader.Read(Model(CycleBoundary("R/PT30S")), "test.bpmn");

        Assert.Contains(BpmnValidator.Validate(read), x => x.Code == DiagnosticCodes.TimerCycleTooShort);
        Assert.DoesNotContain(BpmnValidator.Validate(read, options: new BpmnValidationOptions { MinimumTimerCycle = TimeSpan.FromSeconds(10) }),
            x => x.Code == DiagnosticCodes.TimerCycleTooShort);
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void A_gateway_whose_outgoing_flows_have_neither_conditions_nor_a_default_is_ambiguous(string gateway)
    {
        var body = $"""
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="g"/>
            <{gateway} id="g"/>
            <sequenceFlow id="a" sourceRef="g" targetRef="end"><conditionExpression>ok</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="g" targetRef="end"/>
            <endEvent id="end"/>
            """;
        var d = Single(Model(body), DiagnosticCodes.AmbiguousGateway);
        Assert.Equal("g", d.ElementId);
        Assert.Contains("'b'", d.Message);
        Assert.Empty(Validate(Model(body.Replace($"<{gateway} id=\"g\"/>", $"<{gateway} id=\"g\" default=\"b\"/>"))));
    }

    [Fact]
    public void A_default_flow_that_does_not_leave_its_gateway_is_refused()
    {
        var body = """
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="g"/>
            <exclusiveGateway id="g" default="f1"/>
            <sequenceFlow id="a" sourceRef="g" targetRef="end"/>
            <endEvent id="end"/>
            """;
        Assert.Equal("g", Single(Model(body), DiagnosticCodes.DefaultFlowNotOutgoing).ElementId);
    }

    [Fact]
    public void An_ad_hoc_sub_process_with_nothing_to_choose_is_refused()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<adHocSubProcess id="work"/>""");
        var d = Single(Model(body), DiagnosticCodes.AdHoc);
        Assert.Equal("work", d.ElementId);
        Assert.Contains("no activity", d.Message);
    }

    [Fact]
    public void A_cancel_event_outside_a_transaction_is_refused()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<intermediateThrowEvent id="work"><cancelEventDefinition/></intermediateThrowEvent>""");
        var d = Single(Model(body), DiagnosticCodes.Cancel);
        Assert.Equal("work", d.ElementId);
        Assert.Contains("transaction", d.Message);
    }

    [Fact]
    public void A_compensation_handler_with_sequence_flows_is_refused()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<task id="work" isForCompensation="true"/>""");
        var d = Single(Model(body), DiagnosticCodes.Compensation);
        Assert.Equal("work", d.ElementId);
        Assert.Contains("association", d.Message);
    }

    [Fact]
    public void An_event_with_several_definitions_the_engine_cannot_combine_is_refused()
    {
        var body = Linear.Replace("""<endEvent id="end"/>""", """<endEvent id="end"><terminateEventDefinition/><terminateEventDefinition/></endEvent>""");
        Assert.Equal("end", Single(Model(body), DiagnosticCodes.SeveralEventDefinitions).ElementId);
        var errorStart = Linear.Replace("""<startEvent id="start"/>""", """<startEvent id="start"><signalEventDefinition/><escalationEventDefinition/></startEvent>""");
        Assert.Contains("messages, timers, signals and conditions", Single(Model(errorStart), DiagnosticCodes.SeveralEventDefinitions).Message);
    }

    [Fact]
    public void A_process_level_start_event_with_a_signal_and_a_condition_is_accepted_plain_or_parallel()
    {
        foreach (var parallel in new[] { "false", "true" })
        {
            var body = Linear.Replace("""<startEvent id="start"/>""", $$"""<startEvent id="start" parallelMultiple="{{parallel}}"><signalEventDefinition/><conditionalEventDefinition><condition>${x}</condition></conditionalEventDefinition></startEvent>""");
            Assert.DoesNotContain(Validate(Model(body)), d => d.Code is DiagnosticCodes.SeveralEventDefinitions or DiagnosticCodes.EventTrigger);
        }
    }

    [Fact]
    public void A_process_level_start_event_with_a_message_a_signal_and_a_timer_is_accepted_plain_or_parallel()
    {
        foreach (var parallel in new[] { "false", "true" })
        {
            var body = Linear.Replace("""<startEvent id="start"/>""", $"""<startEvent id="start" parallelMultiple="{parallel}"><signalEventDefinition/><messageEventDefinition/><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent>""");
            Assert.DoesNotContain(Validate(Model(body)), d => d.Code == DiagnosticCodes.SeveralEventDefinitions);
        }
    }

    [Fact]
    public void A_process_level_start_event_with_two_timers_is_accepted_plain_or_parallel()
    {
        foreach (var parallel in new[] { "false", "true" })
        {
            var body = Linear.Replace("""<startEvent id="start"/>""", $"""<startEvent id="start" parallelMultiple="{parallel}"><timerEventDefinition><timeDate>2026-04-04T09:00:00+09:00</timeDate></timerEventDefinition><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></startEvent>""");
            Assert.DoesNotContain(Validate(Model(body)), d => d.Code == DiagnosticCodes.SeveralEventDefinitions);
        }
    }

    [Fact]
    public void A_choreography_task_in_a_process_is_refused_as_unexecutable_by_the_specification()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<choreographyTask id="work" initiatingParticipantRef="p1"/>""");
        var d = Single(Model(body), DiagnosticCodes.Unsupported);
        Assert.Equal("work", d.ElementId);
        Assert.Contains("no execution semantics", d.Message);
    }

    [Fact]
    public void A_parallel_multiple_catch_event_is_accepted()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<intermediateCatchEvent id="work" parallelMultiple="true"><signalEventDefinition/><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>""");
        Assert.DoesNotContain(Validate(Model(body)), d => d.Code == DiagnosticCodes.SeveralEventDefinitions);
    }

    [Fact]
    public void A_multiple_catch_of_a_signal_or_a_timer_is_accepted()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<intermediateCatchEvent id="work"><signalEventDefinition/><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>""");
        Assert.DoesNotContain(Validate(Model(body)), d => d.Code == DiagnosticCodes.SeveralEventDefinitions);
    }

    [Fact]
    public void An_event_based_gateway_may_only_lead_to_catch_events_or_receive_tasks()
    {
        var body = """
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="g"/>
            <eventBasedGateway id="g"/>
            <sequenceFlow id="a" sourceRef="g" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="b" sourceRef="g" targetRef="t"/>
            <task id="t"/>
            """;
        Assert.Equal("b", Single(Model(body), DiagnosticCodes.EventGatewayTarget).ElementId);
    }

    [Theory]
    [InlineData("timeDuration", "P5X")]
    [InlineData("timeDate", "2026-04-01T09:00:00")]
    [InlineData("timeCycle", "R/P0D")]
    [InlineData("timeDuration", "")]
    public void A_timer_that_does_not_parse_is_refused_with_the_reason(string kind, string value)
    {
        var body = Linear.Replace("""<task id="work"/>""", $"""<intermediateCatchEvent id="work"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></intermediateCatchEvent>""");
        Assert.Equal("work", Single(Model(body), DiagnosticCodes.InvalidTimer).ElementId);
    }

    [Fact]
    public void A_timer_written_as_an_expression_is_checked_by_the_expression_syntax()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<intermediateCatchEvent id="work"><timerEventDefinition><timeDuration>${due((</timeDuration></timerEventDefinition></intermediateCatchEvent>""");
        Assert.Empty(Validate(Model(body)));
        Assert.Equal("work", Single(Model(body), DiagnosticCodes.InvalidExpression, new RejectingSyntax("((")).ElementId);
    }

    [Fact]
    public void Conditions_scripts_and_parameters_are_checked_with_their_use()
    {
        var body = """
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="g"/>
            <exclusiveGateway id="g" default="b"/>
            <sequenceFlow id="a" sourceRef="g" targetRef="s"><conditionExpression>amount ((</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="g" targetRef="s"/>
            <scriptTask id="s" scriptFormat="javascript"><extensionElements><jc:input name="x">1 ((</jc:input></extensionElements><script>let y = ((</script></scriptTask>
            """;
        var syntax = new RejectingSyntax("((");
        var problems = Validate(Model(body), syntax).Where(d => d.Code == DiagnosticCodes.InvalidExpression).ToList();
        Assert.Equal(["a", "s", "s"], problems.Select(p => p.ElementId).Order());
        Assert.Contains(problems, p => p.Message.StartsWith("condition does not parse: Unexpected token", StringComparison.Ordinal));
        Assert.Contains(syntax.Seen, s => s.Item2 == ExpressionUse.Script && s.Item1.Language == "javascript");
        Assert.Contains(syntax.Seen, s => s.Item2 == ExpressionUse.Condition);
        Assert.Contains(syntax.Seen, s => s.Item2 == ExpressionUse.Value && s.Item1.Text == "1 ((");
    }

    [Theory]
    [InlineData("""<intermediateThrowEvent id="work"><messageEventDefinition messageRef="nope"/></intermediateThrowEvent>""", "messageRef")]
    [InlineData("""<intermediateThrowEvent id="work"><signalEventDefinition signalRef="nope"/></intermediateThrowEvent>""", "signalRef")]
    [InlineData("""<endEvent id="work"><errorEventDefinition errorRef="nope"/></endEvent>""", "errorRef")]
    [InlineData("""<intermediateThrowEvent id="work"><escalationEventDefinition escalationRef="nope"/></intermediateThrowEvent>""", "escalationRef")]
    [InlineData("""<receiveTask id="work" messageRef="nope"/>""", "messageRef")]
    [InlineData("""<boundaryEvent id="work" attachedToRef="nope"/>""", "attachedToRef")]
    public void References_to_definitions_that_do_not_exist_are_dangling(string element, string attribute)
    {
        var body = Linear.Replace("""<task id="work"/>""", element);
        var d = Validate(Model(body)).Single(x => x.Code == DiagnosticCodes.DanglingReference);
        Assert.Equal("work", d.ElementId);
        Assert.Contains(attribute, d.Message);
    }

    [Fact]
    public void A_called_process_outside_the_file_is_only_a_warning()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<callActivity id="work" calledElement="elsewhere"/>""");
        var d = Single(Model(body), DiagnosticCodes.UnresolvedCalledElement);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.DoesNotContain(Validate(Model(body)), x => x.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_call_activity_without_called_element_is_refused()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<callActivity id="work"/>""");
        Assert.Equal("work", Single(Model(body), DiagnosticCodes.MissingCalledElement).ElementId);
    }

    [Fact]
    public void Multi_instance_without_cardinality_or_collection_is_refused()
    {
        var body = Linear.Replace("""<task id="work"/>""", """<task id="work"><multiInstanceLoopCharacteristics/></task>""");
        Assert.Equal("work", Single(Model(body), DiagnosticCodes.MultiInstanceWithoutInput).ElementId);
    }

    [Fact]
    public void Processes_that_are_not_executable_are_not_validated_for_execution()
    {
        var xml = Model("""<task id="orphan"/>""", executable: "false");
        var d = Assert.Single(Validate(xml));
        Assert.Equal(DiagnosticCodes.NoExecutableProcess, d.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void A_single_process_without_isExecutable_is_validated()
    {
        var xml = Model("""<task id="orphan"/>""").Replace(" isExecutable=\"true\"", "");
        Assert.Contains(Validate(xml), d => d.Code == DiagnosticCodes.NoStartEvent);
    }

    [Fact]
    public void Reader_diagnostics_come_first_in_the_validation_result()
    {
        var diagnostics = Validate(Model(Linear).Replace("<task id=\"work\"/>", "<task id=\"work\" bogus=\"1\"/>"));
        Assert.Equal(DiagnosticCodes.UnknownAttribute, diagnostics[0].Code);
    }
}

using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Reading;

public sealed class ExtensionMappingTests
{
    private static T Node<T>(string body, string roots = "") where T : FlowNode
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
              {roots}
              <process id="p" isExecutable="true">{body}</process>
            </definitions>
            """;
        var result = BpmnReader.Read(xml, "x.bpmn");
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Model.Processes[0].Scope.Nodes.OfType<T>());
    }

    [Fact]
    public void A_user_task_reads_our_attributes_and_splits_candidate_lists()
    {
        var task = Node<UserTask>("""<userTask id="u" jc:assignee="${owner}" jc:candidateGroups="examiners, leads" jc:candidateUsers="a,b" jc:dueDate="P10D" jc:followUpDate="P5D" jc:priority="70" jc:formKey="review"/>""");
        Assert.Equal("${owner}", task.Human.Assignee!.Text);
        Assert.Equal(["examiners", "leads"], task.Human.CandidateGroups.Select(g => g.Text));
        Assert.Equal(["a", "b"], task.Human.CandidateUsers.Select(g => g.Text));
        Assert.Equal(("P10D", "P5D", "70", "review"), (task.Human.DueDate!.Text, task.Human.FollowUpDate!.Text, task.Human.Priority!.Text, task.Human.FormKey));
    }

    [Fact]
    public void A_user_task_reads_Camunda_7_attributes_and_Zeebe_elements()
    {
        var c7 = Node<UserTask>("""<userTask id="u" camunda:assignee="demo" camunda:candidateGroups="g1" camunda:formKey="embedded:app:x.html"/>""");
        Assert.Equal(("demo", "g1", "embedded:app:x.html"), (c7.Human.Assignee!.Text, c7.Human.CandidateGroups.Single().Text, c7.Human.FormKey));
        var c8 = Node<UserTask>("""
            <userTask id="u"><extensionElements>
              <zeebe:assignmentDefinition assignee="=owner" candidateGroups="=[&quot;a&quot;,&quot;b&quot;]"/>
              <zeebe:taskSchedule dueDate="=now() + duration(&quot;P1D&quot;)"/>
              <zeebe:formDefinition formId="review-form"/>
              <zeebe:priorityDefinition priority="80"/>
            </extensionElements></userTask>
            """);
        Assert.Equal("=owner", c8.Human.Assignee!.Text);
        Assert.Equal("=[\"a\",\"b\"]", c8.Human.CandidateGroups.Single().Text);
        Assert.Equal(("review-form", "80"), (c8.Human.FormKey, c8.Human.Priority!.Text));
    }

    [Fact]
    public void The_spec_potential_owner_gives_candidate_users_and_groups()
    {
        var task = Node<UserTask>("""<userTask id="u"><potentialOwner><resourceAssignmentExpression><formalExpression>user(kermit), group(management), staff</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>""");
        Assert.Equal(["kermit"], task.Human.CandidateUsers.Select(x => x.Text));
        Assert.Equal(["management", "staff"], task.Human.CandidateGroups.Select(x => x.Text));
    }

    [Theory]
    [InlineData("""<serviceTask id="s" jc:activity="issue-label" jc:async="true" jc:retries="5"/>""", "issue-label", true, 5)]
    [InlineData("""<serviceTask id="s" camunda:type="external" camunda:topic="mail" camunda:asyncBefore="true"/>""", "mail", true, null)]
    [InlineData("""<serviceTask id="s" camunda:delegateExpression="${mailer}"/>""", "${mailer}", false, null)]
    [InlineData("""<serviceTask id="s"><extensionElements><zeebe:taskDefinition type="render" retries="3"/></extensionElements></serviceTask>""", "render", false, 3)]
    public void A_service_task_is_bound_to_a_registered_activity(string element, string activity, bool isAsync, int? retries)
    {
        var task = Node<ServiceTask>(element);
        Assert.Equal((activity, isAsync, retries), (task.ActivityName, task.IsAsync, task.Retries));
    }

    [Fact]
    public void Inputs_and_outputs_come_from_all_three_dialects()
    {
        var task = Node<TaskActivity>("""
            <task id="t"><extensionElements>
              <jc:input name="fee">amount * 2</jc:input>
              <camunda:inputOutput><camunda:inputParameter name="who">${user}</camunda:inputParameter><camunda:outputParameter name="done">${true}</camunda:outputParameter></camunda:inputOutput>
              <zeebe:ioMapping><zeebe:input source="=x" target="y"/></zeebe:ioMapping>
              <jc:output name="copied"/>
            </extensionElements></task>
            """);
        Assert.Equal(["fee=amount * 2", "who=${user}", "y==x"], task.Inputs.Select(p => $"{p.Name}={p.Value}"));
        Assert.Equal(["done=${true}", "copied="], task.Outputs.Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public void Multi_instance_reads_collection_element_and_completion()
    {
        var task = Node<TaskActivity>("""
            <task id="t"><multiInstanceLoopCharacteristics isSequential="true" jc:collection="reviewers" jc:elementVariable="reviewer">
              <completionCondition>nrOfCompletedInstances &gt;= 2</completionCondition>
            </multiInstanceLoopCharacteristics></task>
            """);
        var mi = Assert.IsType<MultiInstanceLoopCharacteristics>(task.Loop);
        Assert.Equal((true, "reviewers", "reviewer", "nrOfCompletedInstances >= 2"), (mi.IsSequential, mi.InputCollection!.Text, mi.InputElement, mi.CompletionCondition!.Text));
        var zeebe = Assert.IsType<MultiInstanceLoopCharacteristics>(Node<TaskActivity>("""
            <task id="t"><multiInstanceLoopCharacteristics><extensionElements>
              <zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=r"/>
            </extensionElements></multiInstanceLoopCharacteristics></task>
            """).Loop);
        Assert.Equal(("=items", "item", "results", "=r"), (zeebe.InputCollection!.Text, zeebe.InputElement, zeebe.OutputCollection, zeebe.OutputElement!.Text));
    }

    [Fact]
    public void A_call_activity_reads_called_element_and_mappings()
    {
        var call = Node<CallActivity>("""
            <callActivity id="c" calledElement="child"><extensionElements>
              <jc:in source="a" target="b"/><jc:in sourceExpression="x + 1" target="y"/><jc:in variables="all"/><camunda:out source="r" target="result"/>
            </extensionElements></callActivity>
            """);
        Assert.Equal("child", call.CalledElement);
        Assert.Equal(3, call.InMappings.Length);
        Assert.Equal("x + 1", call.InMappings[1].SourceExpression!.Text);
        Assert.True(call.InMappings[2].All);
        Assert.Equal(("r", "result"), (call.OutMappings[0].Source, call.OutMappings[0].Target));
        Assert.Equal("sub", Node<CallActivity>("""<callActivity id="c"><extensionElements><zeebe:calledElement processId="sub"/></extensionElements></callActivity>""").CalledElement);
    }

    [Fact]
    public void Message_names_and_correlation_keys_are_resolved_from_root_messages()
    {
        const string roots = """
            <message id="m1" name="documents-received" jc:correlationKey="caseId"/>
            <message id="m2" name="paid"><extensionElements><zeebe:subscription correlationKey="=invoice"/></extensionElements></message>
            """;
        var catchEvent = Node<IntermediateCatchEvent>("""<intermediateCatchEvent id="e"><messageEventDefinition messageRef="m1"/></intermediateCatchEvent>""", roots);
        var definition = Assert.IsType<MessageEventDefinition>(catchEvent.Definition);
        Assert.Equal(("documents-received", "caseId"), (definition.MessageName, definition.CorrelationKey!.Text));
        var receive = Node<ReceiveTask>("""<receiveTask id="r" messageRef="m2"/>""", roots);
        Assert.Equal(("paid", "=invoice"), (receive.MessageName, receive.CorrelationKey!.Text));
    }

    [Fact]
    public void Boundary_timer_and_error_definitions_are_typed_with_codes_from_root_errors()
    {
        var boundary = Node<BoundaryEvent>("""
            <task id="t"/><boundaryEvent id="b" attachedToRef="t" cancelActivity="false"><errorEventDefinition errorRef="e1"/></boundaryEvent>
            """, """<error id="e1" name="Rejected" errorCode="REJECTED"/>""");
        Assert.False(boundary.CancelActivity);
        Assert.Equal("REJECTED", Assert.IsType<ErrorEventDefinition>(boundary.Definition).ErrorCode);
        var timer = Assert.IsType<TimerEventDefinition>(Node<IntermediateCatchEvent>("""<intermediateCatchEvent id="e"><timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></intermediateCatchEvent>""").Definition);
        Assert.Equal((TimerKind.Cycle, "R3/PT1H"), (timer.Kind, timer.Value.Text));
    }

    [Fact]
    public void Incoming_and_outgoing_are_computed_from_sequence_flows_and_sub_processes_nest()
    {
        var sub = Node<SubProcess>("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
            <subProcess id="sub"><startEvent id="s2"/><sequenceFlow id="g" sourceRef="s2" targetRef="e2"/><endEvent id="e2"/></subProcess>
            """);
        Assert.Equal(["f1"], sub.Incoming);
        Assert.Equal(["g"], sub.Scope.Nodes.Single(n => n.Id == "s2").Outgoing);
    }

    [Fact]
    public void An_ad_hoc_sub_process_keeps_its_ordering_completion_condition_and_cancelRemainingInstances()
    {
        var adHoc = Node<SubProcess>("""<adHocSubProcess id="x" ordering="Sequential" cancelRemainingInstances="false"><task id="t"/><completionCondition>done</completionCondition></adHocSubProcess>""");
        Assert.Equal("adHocSubProcess", adHoc.ElementType);
        Assert.Equal(AdHocOrdering.Sequential, adHoc.AdHoc!.Ordering);
        Assert.False(adHoc.AdHoc.CancelRemainingInstances);
        Assert.Equal("done", adHoc.AdHoc.CompletionCondition!.Text);
    }

    [Fact]
    public void A_transaction_is_a_sub_process_and_compensation_keeps_its_activityRef_and_waitForCompletion()
    {
        var transaction = Node<SubProcess>("""<transaction id="x"><startEvent id="s"/></transaction>""");
        Assert.True(transaction.IsTransaction);
        Assert.Equal("transaction", transaction.ElementType);
        var e = Node<IntermediateThrowEvent>("""<intermediateThrowEvent id="x"><compensateEventDefinition activityRef="fee" waitForCompletion="false"/></intermediateThrowEvent>""");
        var c = Assert.IsType<CompensateEventDefinition>(e.Definition);
        Assert.Equal("fee", c.ActivityRef);
        Assert.False(c.WaitForCompletion);
    }

    [Fact]
    public void A_conditional_event_keeps_its_condition_and_camundas_variable_filters()
    {
        var e = Node<IntermediateCatchEvent>("""<intermediateCatchEvent id="x"><conditionalEventDefinition camunda:variableName="fee" camunda:variableEvents="create, update"><condition>${fee &gt; 0}</condition></conditionalEventDefinition></intermediateCatchEvent>""");
        var c = Assert.IsType<ConditionalEventDefinition>(e.Definition);
        Assert.Equal("${fee > 0}", c.Condition.Text);
        Assert.Equal("fee", c.VariableName);
        Assert.Equal(["create", "update"], c.VariableEvents);
    }
}

using System.Collections.Immutable;
using System.Globalization;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// Projects the tree onto the typed <see cref="BpmnModel"/>. Reads the spec's attributes and the
/// extensions of three dialects (jc:, camunda: for Camunda 7, zeebe: for Camunda 8); when several
/// give the same value, ours wins, then Camunda 7, then Zeebe. Never fails: what is missing stays
/// null or empty for validation to report.
/// </summary>
internal sealed class ModelProjection
{
    private const string M = BpmnNamespaces.Model;
    private const string Jc = BpmnNamespaces.JcStar;
    private const string Camunda = BpmnNamespaces.Camunda;
    private const string Zeebe = BpmnNamespaces.Zeebe;

    private readonly Dictionary<string, MessageDefinition> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignalDefinition> _signals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ErrorDefinition> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EscalationDefinition> _escalations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentElement> _rootEventDefinitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentElement> _globalTasks = new(StringComparer.Ordinal);

    public BpmnModel Project(DocumentElement root)
    {
        if (root.NamespaceUri != M)
            return new BpmnModel();
        if (root.LocalName == "process")
            return new BpmnModel { Processes = [Process(root, singleProcess: true)] };
        if (root.LocalName != "definitions")
            return new BpmnModel();

        foreach (var element in root.Elements().Where(e => e.NamespaceUri == M))
        {
            var id = element.Id;
            if (id is null)
                continue;
            switch (element.LocalName)
            {
                case "message":
                    _messages.TryAdd(id, new MessageDefinition(id, element.Attribute("name") ?? id, CorrelationKeyOf(element)));
                    break;
                case "signal":
                    _signals.TryAdd(id, new SignalDefinition(id, element.Attribute("name") ?? id));
                    break;
                case "error":
                    _errors.TryAdd(id, new ErrorDefinition(id, element.Attribute("name"), element.Attribute("errorCode")));
                    break;
                case "escalation":
                    _escalations.TryAdd(id, new EscalationDefinition(id, element.Attribute("name"), element.Attribute("escalationCode")));
                    break;
                case "globalTask" or "globalUserTask" or "globalScriptTask" or "globalManualTask" or "globalBusinessRuleTask":
                    _globalTasks.TryAdd(id, element);
                    break;
                default:
                    if (element.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
                        _rootEventDefinitions.TryAdd(id, element);
                    break;
            }
        }
        var processes = root.Elements(M, "process").ToList();
        return new BpmnModel
        {
            Id = root.Id,
            TargetNamespace = root.Attribute("targetNamespace"),
            Processes = [.. processes.Select(p => Process(p, processes.Count == 1))],
            Messages = [.. _messages.Values],
            Signals = [.. _signals.Values],
            Errors = [.. _errors.Values],
            Escalations = [.. _escalations.Values],
        };
    }

    private ProcessDefinition Process(DocumentElement process, bool singleProcess)
    {
        var executable = process.Attribute("isExecutable");
        return new ProcessDefinition
        {
            Id = process.Id ?? "",
            Name = process.Attribute("name"),
            // A file with one process and no isExecutable is meant to run (Camunda 7 and 8 both default it on).
            IsExecutable = executable is null ? singleProcess : Bool(executable, false),
            Documentation = DocumentationOf(process),
            Location = process.Location,
            Scope = Scope(process),
            CandidateStarterGroups = [.. SplitList(process.Attribute("candidateStarterGroups", Jc) ?? process.Attribute("candidateStarterGroups", Camunda) ?? "")],
            CandidateStarterUsers = [.. SplitList(process.Attribute("candidateStarterUsers", Jc) ?? process.Attribute("candidateStarterUsers", Camunda) ?? "")],
        };
    }

    private FlowScope Scope(DocumentElement container)
    {
        var nodes = new List<FlowNode>();
        var flows = new List<SequenceFlow>();
        var ignored = ImmutableArray.CreateBuilder<string>();
        var associations = ImmutableArray.CreateBuilder<Association>();
        foreach (var element in container.Elements().Where(e => e.NamespaceUri == M))
        {
            if (element.LocalName == "association")
            {
                associations.Add(new Association(element.Id ?? "", Ref(element, "sourceRef") ?? "", Ref(element, "targetRef") ?? ""));
                if (element.Id is { } associationId)
                    ignored.Add(associationId);
                continue;
            }
            if (element.LocalName == "sequenceFlow")
            {
                flows.Add(new SequenceFlow
                {
                    Id = element.Id ?? "",
                    Name = element.Attribute("name"),
                    Documentation = DocumentationOf(element),
                    Location = element.Location,
                    SourceRef = element.Attribute("sourceRef") ?? "",
                    TargetRef = element.Attribute("targetRef") ?? "",
                    Condition = ExpressionOf(element.Element(M, "conditionExpression")),
                });
                continue;
            }
            var node = Node(element);
            if (node is not null)
                nodes.Add(node);
            else if (element.Id is { } id && element.LocalName is not ("documentation" or "extensionElements"))
                ignored.Add(id);
        }
        var incoming = flows.ToLookup(f => f.TargetRef);
        var outgoing = flows.ToLookup(f => f.SourceRef);
        return new FlowScope
        {
            Nodes = [.. nodes.Select(n => n with
            {
                Incoming = [.. incoming[n.Id].Select(f => f.Id)],
                Outgoing = [.. outgoing[n.Id].Select(f => f.Id)],
            })],
            Flows = [.. flows],
            Associations = associations.ToImmutable(),
            IgnoredElementIds = ignored.ToImmutable(),
        };
    }

    private FlowNode? Node(DocumentElement e)
    {
        FlowNode? node = e.LocalName switch
        {
            "startEvent" => new StartEvent
            {
                Id = "",
                IsInterrupting = Bool(e.Attribute("isInterrupting"), true),
                EventDefinitions = EventDefinitions(e),
                ParallelMultiple = Bool(e.Attribute("parallelMultiple"), false),
                FormKey = e.Attribute("formKey", Jc) ?? e.Attribute("formKey", Camunda) ?? Extension(e, Zeebe, "formDefinition")?.Attribute("formKey"),
            },
            "endEvent" => new EndEvent { Id = "", EventDefinitions = EventDefinitions(e) },
            "intermediateCatchEvent" => new IntermediateCatchEvent { Id = "", EventDefinitions = EventDefinitions(e), ParallelMultiple = Bool(e.Attribute("parallelMultiple"), false) },
            "intermediateThrowEvent" => new IntermediateThrowEvent { Id = "", EventDefinitions = EventDefinitions(e), ActivityName = ThrowActivityName(e) },
            "boundaryEvent" => new BoundaryEvent
            {
                Id = "",
                AttachedToRef = SchemaCheck.LocalPart(e.Attribute("attachedToRef") ?? ""),
                CancelActivity = Bool(e.Attribute("cancelActivity"), true),
                EventDefinitions = EventDefinitions(e),
                ParallelMultiple = Bool(e.Attribute("parallelMultiple"), false),
            },
            "exclusiveGateway" => new ExclusiveGateway { Id = "", DefaultFlow = e.Attribute("default") },
            "inclusiveGateway" => new InclusiveGateway { Id = "", DefaultFlow = e.Attribute("default") },
            "complexGateway" => new ComplexGateway { Id = "", DefaultFlow = e.Attribute("default"), ActivationCondition = ExpressionOf(e.Element(M, "activationCondition")) },
            "parallelGateway" => new ParallelGateway { Id = "" },
            "eventBasedGateway" => new EventBasedGateway { Id = "" },
            "task" => Activity(e, new TaskActivity { Id = "" }),
            "manualTask" => Activity(e, new ManualTask { Id = "" }),
            "userTask" => Activity(e, new UserTask { Id = "", Human = Human(e) }),
            "serviceTask" => Activity(e, new ServiceTask { Id = "", ActivityName = ActivityNameOf(e), ResultVariable = ResultVariableOf(e) }),
            "businessRuleTask" => Activity(e, new BusinessRuleTask { Id = "", ActivityName = ActivityNameOf(e), ResultVariable = ResultVariableOf(e) }),
            "sendTask" => Activity(e, SendTask(e)),
            "receiveTask" => Activity(e, ReceiveTask(e)),
            "scriptTask" => Activity(e, new ScriptTask
            {
                Id = "",
                Script = (e.Element(M, "script")?.Text ?? "").Trim(),
                ScriptFormat = e.Attribute("scriptFormat"),
                ResultVariable = ResultVariableOf(e),
            }),
            "callActivity" => Activity(e, CallActivity(e)),
            "subProcess" => Activity(e, new SubProcess { Id = "", TriggeredByEvent = Bool(e.Attribute("triggeredByEvent"), false), Scope = Scope(e) }),
            "transaction" => Activity(e, new SubProcess { Id = "", IsTransaction = true, Scope = Scope(e) }),
            "adHocSubProcess" => Activity(e, new SubProcess
            {
                Id = "",
                Scope = Scope(e),
                AdHoc = new AdHocDefinition
                {
                    Ordering = e.Attribute("ordering")?.Trim() == "Sequential" ? AdHocOrdering.Sequential : AdHocOrdering.Parallel,
                    CompletionCondition = ExpressionOf(e.Element(M, "completionCondition")),
                    CancelRemainingInstances = Bool(e.Attribute("cancelRemainingInstances"), true),
                },
            }),
            // Choreography activities may stand in a process's flow by the schema, but have no execution semantics.
            "choreographyTask" or "callChoreography" or "subChoreography" => Activity(e, new UnsupportedActivity { Id = "", UnsupportedType = e.LocalName }),
            _ => null,
        };
        if (node is null)
            return null;
        return node with
        {
            Id = e.Id ?? "",
            Name = e.Attribute("name"),
            Documentation = DocumentationOf(e),
            Location = e.Location,
            Inputs = Parameters(e, "input"),
            Outputs = Parameters(e, "output"),
        };
    }

    private FlowNode Activity(DocumentElement e, Activity activity) => activity with
    {
        Loop = Loop(e),
        DefaultFlow = e.Attribute("default"),
        IsForCompensation = Bool(e.Attribute("isForCompensation"), false),
        StartQuantity = Int(e.Attribute("startQuantity")) ?? 1,
        CompletionQuantity = Int(e.Attribute("completionQuantity")) ?? 1,
        IsAsync = Bool(e.Attribute("async", Jc) ?? e.Attribute("asyncBefore", Camunda) ?? e.Attribute("async", Camunda), false),
        Retries = Int(e.Attribute("retries", Jc) ?? Extension(e, Zeebe, "taskDefinition")?.Attribute("retries")),
    };

    // ----- events

    private ImmutableArray<EventDefinition> EventDefinitions(DocumentElement e)
    {
        var definitions = ImmutableArray.CreateBuilder<EventDefinition>();
        foreach (var child in e.Elements().Where(c => c.NamespaceUri == M))
        {
            if (child.LocalName == "eventDefinitionRef")
            {
                if (_rootEventDefinitions.TryGetValue(SchemaCheck.LocalPart(child.Text.Trim()), out var shared) && EventDefinition(shared, e) is { } resolved)
                    definitions.Add(resolved);
                continue;
            }
            if (EventDefinition(child, e) is { } definition)
                definitions.Add(definition);
        }
        return definitions.ToImmutable();
    }

    private EventDefinition? EventDefinition(DocumentElement d, DocumentElement owner)
    {
        EventDefinition? definition = d.LocalName switch
        {
            "messageEventDefinition" => MessageEventDefinition(d, owner),
            "timerEventDefinition" => TimerEventDefinition(d),
            "signalEventDefinition" => new SignalEventDefinition
            {
                SignalRef = Ref(d, "signalRef"),
                SignalName = Ref(d, "signalRef") is { } s && _signals.TryGetValue(s, out var signal) ? signal.Name : null,
            },
            "errorEventDefinition" => new ErrorEventDefinition
            {
                ErrorRef = Ref(d, "errorRef"),
                ErrorCode = Ref(d, "errorRef") is { } r && _errors.TryGetValue(r, out var error) ? error.ErrorCode : null,
            },
            "escalationEventDefinition" => new EscalationEventDefinition
            {
                EscalationRef = Ref(d, "escalationRef"),
                EscalationCode = Ref(d, "escalationRef") is { } r && _escalations.TryGetValue(r, out var escalation) ? escalation.EscalationCode : null,
            },
            "terminateEventDefinition" => new TerminateEventDefinition(),
            "linkEventDefinition" => new LinkEventDefinition { Name = d.Attribute("name") ?? "" },
            "conditionalEventDefinition" => new ConditionalEventDefinition
            {
                Condition = ExpressionOf(d.Element(M, "condition")) ?? new Expression(""),
                VariableName = NullIfEmpty(d.Attribute("variableName", Camunda)?.Trim()),
                VariableEvents = [.. SplitList(d.Attribute("variableEvents", Camunda) ?? "")],
            },
            "compensateEventDefinition" => new CompensateEventDefinition
            {
                ActivityRef = Ref(d, "activityRef"),
                WaitForCompletion = Bool(d.Attribute("waitForCompletion"), true),
            },
            "cancelEventDefinition" => new CancelEventDefinition(),
            _ => null,
        };
        return definition is null ? null : definition with { Id = d.Id };
    }

    private MessageEventDefinition MessageEventDefinition(DocumentElement d, DocumentElement owner)
    {
        var messageRef = Ref(d, "messageRef");
        var message = messageRef is not null ? _messages.GetValueOrDefault(messageRef) : null;
        return new MessageEventDefinition
        {
            MessageRef = messageRef,
            MessageName = message?.Name,
            CorrelationKey = Expr(d.Attribute("correlationKey", Jc)) ?? Expr(owner.Attribute("correlationKey", Jc)) ?? message?.CorrelationKey,
        };
    }

    private static TimerEventDefinition TimerEventDefinition(DocumentElement d)
    {
        foreach (var (name, kind) in new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) })
        {
            if (d.Element(M, name) is { } value)
                return new TimerEventDefinition { Kind = kind, Value = ExpressionOf(value) ?? new Expression("") };
        }
        return new TimerEventDefinition { Kind = TimerKind.Duration, Value = new Expression("") };
    }

    private static string? ThrowActivityName(DocumentElement e)
    {
        if (e.Attribute("activity", Jc) is { } own)
            return own;
        return e.Element(M, "messageEventDefinition") is { } message ? ActivityNameOf(message) ?? ActivityNameOf(e) : ActivityNameOf(e);
    }

    // ----- tasks

    /// <summary>jc:activity, then camunda:topic (external), camunda:delegateExpression / camunda:class, then zeebe:taskDefinition type.</summary>
    private static string? ActivityNameOf(DocumentElement e)
    {
        if (e.Attribute("activity", Jc) is { } activity)
            return activity;
        if (e.Attribute("type", Camunda) == "external" && e.Attribute("topic", Camunda) is { } topic)
            return topic;
        return e.Attribute("delegateExpression", Camunda) ?? e.Attribute("class", Camunda)
            ?? Extension(e, Zeebe, "taskDefinition")?.Attribute("type");
    }

    private static string? ResultVariableOf(DocumentElement e) =>
        e.Attribute("resultVariable", Jc) ?? e.Attribute("resultVariable", Camunda);

    private SendTask SendTask(DocumentElement e)
    {
        var messageRef = Ref(e, "messageRef");
        return new SendTask
        {
            Id = "",
            ActivityName = ActivityNameOf(e),
            MessageRef = messageRef,
            MessageName = messageRef is not null && _messages.TryGetValue(messageRef, out var m) ? m.Name : null,
        };
    }

    private ReceiveTask ReceiveTask(DocumentElement e)
    {
        var messageRef = Ref(e, "messageRef");
        var message = messageRef is not null ? _messages.GetValueOrDefault(messageRef) : null;
        return new ReceiveTask
        {
            Id = "",
            MessageRef = messageRef,
            MessageName = message?.Name,
            CorrelationKey = Expr(e.Attribute("correlationKey", Jc)) ?? message?.CorrelationKey,
        };
    }

    private CallActivity CallActivity(DocumentElement e)
    {
        var called = e.Attribute("calledElement") ?? Extension(e, Zeebe, "calledElement")?.Attribute("processId") ?? "";
        return new()
        {
            Id = "",
            CalledElement = called,
            InMappings = Mappings(e, "in"),
            OutMappings = Mappings(e, "out"),
            GlobalTask = _globalTasks.TryGetValue(SchemaCheck.LocalPart(called.Trim()), out var global) ? GlobalTask(global, e) : null,
        };
    }

    /// <summary>The task a global task describes, named as the call activity that calls it; what the global task leaves out the call activity may give.</summary>
    private static Activity GlobalTask(DocumentElement global, DocumentElement call)
    {
        Activity task = global.LocalName switch
        {
            "globalUserTask" => new UserTask { Id = "", Human = Human(global) is { Assignee: null, CandidateUsers.IsEmpty: true, CandidateGroups.IsEmpty: true } ? Human(call) : Human(global) },
            "globalScriptTask" => new ScriptTask
            {
                Id = "",
                Script = (global.Element(M, "script")?.Text ?? "").Trim(),
                ScriptFormat = global.Attribute("scriptLanguage") ?? global.Attribute("scriptFormat"),
                ResultVariable = ResultVariableOf(global) ?? ResultVariableOf(call),
            },
            "globalBusinessRuleTask" => new BusinessRuleTask { Id = "", ActivityName = ActivityNameOf(global) ?? ActivityNameOf(call), ResultVariable = ResultVariableOf(global) ?? ResultVariableOf(call) },
            "globalManualTask" => new ManualTask { Id = "" },
            _ => new TaskActivity { Id = "" },
        };
        return task with { Id = call.Id ?? "", Name = call.Attribute("name") ?? global.Attribute("name"), Location = call.Location };
    }

    private static ImmutableArray<VariableMapping> Mappings(DocumentElement e, string direction)
    {
        var mappings = ImmutableArray.CreateBuilder<VariableMapping>();
        foreach (var m in Extensions(e).Where(x => x.LocalName == direction && x.NamespaceUri is Jc or Camunda))
        {
            mappings.Add(new VariableMapping
            {
                All = m.Attribute("variables") == "all",
                Source = m.Attribute("source"),
                SourceExpression = Expr(m.Attribute("sourceExpression")),
                Target = m.Attribute("target"),
            });
        }
        return mappings.ToImmutable();
    }

    private static HumanTaskDefinition Human(DocumentElement e)
    {
        var assignment = Extension(e, Zeebe, "assignmentDefinition");
        var schedule = Extension(e, Zeebe, "taskSchedule");
        var form = Extension(e, Zeebe, "formDefinition");
        var priority = Extension(e, Zeebe, "priorityDefinition");

        string? Pick(string name, DocumentElement? zeebe, string? zeebeName = null) =>
            e.Attribute(name, Jc) ?? e.Attribute(name, Camunda) ?? zeebe?.Attribute(zeebeName ?? name);

        var assignee = Expr(Pick("assignee", assignment));
        var users = List(Pick("candidateUsers", assignment));
        var groups = List(Pick("candidateGroups", assignment));

        // The spec's way: humanPerformer names the assignee, potentialOwner the candidates ("user(x)", "group(y)", bare = group).
        if (assignee is null && ResourceExpression(e, "humanPerformer") is { } performer)
            assignee = new Expression(performer);
        if (users.IsEmpty && groups.IsEmpty && ResourceExpression(e, "potentialOwner") is { } owners)
        {
            var u = ImmutableArray.CreateBuilder<Expression>();
            var g = ImmutableArray.CreateBuilder<Expression>();
            foreach (var part in SplitList(owners))
            {
                if (part.StartsWith("user(", StringComparison.Ordinal) && part.EndsWith(')'))
                    u.Add(new Expression(part[5..^1].Trim()));
                else if (part.StartsWith("group(", StringComparison.Ordinal) && part.EndsWith(')'))
                    g.Add(new Expression(part[6..^1].Trim()));
                else
                    g.Add(new Expression(part));
            }
            users = u.ToImmutable();
            groups = g.ToImmutable();
        }
        return new HumanTaskDefinition
        {
            Assignee = assignee,
            CandidateUsers = users,
            CandidateGroups = groups,
            DueDate = Expr(Pick("dueDate", schedule)),
            FollowUpDate = Expr(Pick("followUpDate", schedule)),
            Priority = Expr(Pick("priority", priority)),
            FormKey = e.Attribute("formKey", Jc) ?? e.Attribute("formKey", Camunda) ?? form?.Attribute("formKey") ?? form?.Attribute("formId"),
        };
    }

    private static string? ResourceExpression(DocumentElement e, string role)
    {
        var expression = e.Element(M, role)?.Element(M, "resourceAssignmentExpression")?.Elements().FirstOrDefault(x => x.NamespaceUri == M);
        var text = expression?.Text.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    // An expression (${…} or =…) may itself contain commas, so it is kept whole.
    private static ImmutableArray<Expression> List(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return [];
        var trimmed = value.Trim();
        if (trimmed.StartsWith('=') || trimmed.StartsWith("${", StringComparison.Ordinal) || trimmed.StartsWith("#{", StringComparison.Ordinal))
            return [new Expression(trimmed)];
        return [.. SplitList(trimmed).Select(p => new Expression(p))];
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // ----- loops

    private LoopCharacteristics? Loop(DocumentElement e)
    {
        if (e.Element(M, "standardLoopCharacteristics") is { } standard)
        {
            return new StandardLoopCharacteristics
            {
                LoopCondition = ExpressionOf(standard.Element(M, "loopCondition")),
                TestBefore = Bool(standard.Attribute("testBefore"), false),
                LoopMaximum = Int(standard.Attribute("loopMaximum")),
            };
        }
        if (e.Element(M, "multiInstanceLoopCharacteristics") is not { } mi)
            return null;
        var zeebe = Extension(mi, Zeebe, "loopCharacteristics");
        var dataInput = mi.Element(M, "loopDataInputRef")?.Text.Trim();
        var dataItem = mi.Element(M, "inputDataItem");
        var outputRef = mi.Element(M, "loopDataOutputRef")?.Text.Trim();
        var outputItem = mi.Element(M, "outputDataItem");
        return new MultiInstanceLoopCharacteristics
        {
            IsSequential = Bool(mi.Attribute("isSequential"), false),
            LoopCardinality = ExpressionOf(mi.Element(M, "loopCardinality")),
            CompletionCondition = ExpressionOf(mi.Element(M, "completionCondition")),
            InputCollection = Expr(mi.Attribute("collection", Jc) ?? mi.Attribute("collection", Camunda) ?? zeebe?.Attribute("inputCollection") ?? NullIfEmpty(dataInput)),
            InputElement = mi.Attribute("elementVariable", Jc) ?? mi.Attribute("elementVariable", Camunda) ?? zeebe?.Attribute("inputElement")
                ?? dataItem?.Attribute("name") ?? dataItem?.Id,
            OutputCollection = mi.Attribute("outputCollection", Jc) ?? zeebe?.Attribute("outputCollection") ?? NullIfEmpty(outputRef),
            OutputElement = Expr(mi.Attribute("outputElement", Jc) ?? zeebe?.Attribute("outputElement") ?? outputItem?.Attribute("name") ?? outputItem?.Id),
            Behavior = Enum.TryParse<MultiInstanceBehavior>(mi.Attribute("behavior")?.Trim(), ignoreCase: false, out var behavior) ? behavior : MultiInstanceBehavior.All,
            NoneBehaviorEvent = BehaviorEvent(mi, "noneBehaviorEventRef"),
            OneBehaviorEvent = BehaviorEvent(mi, "oneBehaviorEventRef"),
            ComplexBehaviorDefinitions = [.. mi.Elements(M, "complexBehaviorDefinition").Select(c => new ComplexBehaviorDefinition
            {
                Id = c.Id,
                Condition = ExpressionOf(c.Element(M, "condition")),
                Events = c.Element(M, "event") is { } thrown ? EventDefinitions(thrown) : [],
            })],
        };
    }

    /// <summary>A behavior event reference names an event definition at the root of the file.</summary>
    private EventDefinition? BehaviorEvent(DocumentElement mi, string attribute) =>
        Ref(mi, attribute) is { } id && _rootEventDefinitions.TryGetValue(id, out var shared) ? EventDefinition(shared, mi) : null;

    // ----- inputs and outputs

    private static ImmutableArray<IoParameter> Parameters(DocumentElement e, string direction)
    {
        var parameters = ImmutableArray.CreateBuilder<IoParameter>();
        foreach (var x in Extensions(e))
        {
            if (x.NamespaceUri == Jc && x.LocalName == direction && x.Attribute("name") is { } name)
                parameters.Add(new IoParameter(name, ExpressionOf(x)));
            else if (x.NamespaceUri == Camunda && x.LocalName == "inputOutput")
            {
                foreach (var p in x.Elements(Camunda, direction + "Parameter"))
                {
                    if (p.Attribute("name") is { } pname)
                        parameters.Add(new IoParameter(pname, CamundaParameterValue(p)));
                }
            }
            else if (x.NamespaceUri == Zeebe && x.LocalName == "ioMapping")
            {
                foreach (var p in x.Elements(Zeebe, direction))
                {
                    if (p.Attribute("target") is { } target)
                        parameters.Add(new IoParameter(target, Expr(p.Attribute("source"))));
                }
            }
        }
        return parameters.ToImmutable();
    }

    // camunda:inputParameter holds text, a camunda:script, or a camunda:list / camunda:map (kept as a JSON literal).
    private static Expression? CamundaParameterValue(DocumentElement p)
    {
        if (p.Element(Camunda, "script") is { } script)
            return new Expression((script.Text).Trim(), script.Attribute("scriptFormat"));
        if (p.Element(Camunda, "list") is { } list)
            return new Expression(JsonOf(list));
        if (p.Element(Camunda, "map") is { } map)
            return new Expression(JsonOf(map));
        return ExpressionOf(p);
    }

    private static string JsonOf(DocumentElement value) => value.LocalName switch
    {
        "list" => "[" + string.Join(", ", value.Elements().Where(c => c.NamespaceUri == Camunda).Select(JsonOf)) + "]",
        "map" => "{" + string.Join(", ", value.Elements(Camunda, "entry").Select(entry =>
            System.Text.Json.JsonSerializer.Serialize(entry.Attribute("key") ?? "") + ": " +
            (entry.Elements().FirstOrDefault(c => c.NamespaceUri == Camunda) is { } nested ? JsonOf(nested) : System.Text.Json.JsonSerializer.Serialize(entry.Text.Trim())))) + "}",
        _ => System.Text.Json.JsonSerializer.Serialize(value.Text.Trim()),
    };

    // ----- helpers

    private static IEnumerable<DocumentElement> Extensions(DocumentElement e) =>
        e.Element(M, "extensionElements")?.Elements() ?? [];

    private static DocumentElement? Extension(DocumentElement e, string ns, string localName) =>
        Extensions(e).FirstOrDefault(x => x.NamespaceUri == ns && x.LocalName == localName);

    private static Expression? CorrelationKeyOf(DocumentElement message) =>
        Expr(message.Attribute("correlationKey", Jc) ?? Extension(message, Zeebe, "subscription")?.Attribute("correlationKey"));

    private static string? Ref(DocumentElement e, string attribute) =>
        e.Attribute(attribute) is { } value ? SchemaCheck.LocalPart(value.Trim()) : null;

    private static string? DocumentationOf(DocumentElement e)
    {
        var texts = e.Elements(M, "documentation").Select(d => d.Text.Trim()).Where(t => t.Length > 0).ToList();
        return texts.Count == 0 ? null : string.Join("\n\n", texts);
    }

    /// <summary>The text of an expression element (formalExpression, conditionExpression, …) with its language; null when absent or empty.</summary>
    private static Expression? ExpressionOf(DocumentElement? e)
    {
        var text = e?.Text.Trim();
        return string.IsNullOrEmpty(text) ? null : new Expression(text, e!.Attribute("language"));
    }

    private static Expression? Expr(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new Expression(text.Trim());

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static bool Bool(string? value, bool fallback) => value?.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => fallback,
    };

    private static int? Int(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

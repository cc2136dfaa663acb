using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Timers;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>The execution rules of <see cref="BpmnValidator"/>, one method per rule, over one file.</summary>
internal sealed partial class ExecutionRules(BpmnReadResult read, IExpressionSyntax? expressions, BpmnValidationOptions options)
{
    private readonly List<BpmnDiagnostic> _diagnostics = [];
    private readonly HashSet<string> _allIds = CollectIds(read.Document!.Root);
    private readonly BpmnModel _model = read.Model;

    public IReadOnlyList<BpmnDiagnostic> Check()
    {
        var root = read.Document!.Root;
        if (root is { NamespaceUri: BpmnNamespaces.Model, LocalName: "definitions" } && _model.Processes.Length > 0
            && !_model.Processes.Any(p => p.IsExecutable))
        {
            Add(root.Location, root.Id, DiagnosticCodes.NoExecutableProcess,
                "no process is executable (isExecutable=\"true\"): nothing here can run", DiagnosticSeverity.Warning);
        }
        foreach (var process in _model.Processes.Where(p => p.IsExecutable))
        {
            if (!process.Scope.Nodes.OfType<StartEvent>().Any())
                Add(process.Location, process.Id, DiagnosticCodes.NoStartEvent, $"process '{process.Id}' has no start event, so it can never start");
            CheckScope(process.Scope, "process", container: null);
        }
        return _diagnostics;
    }

    private void CheckScope(FlowScope scope, string where, SubProcess? container)
    {
        // First one wins on a duplicate id; the reader has already reported the duplicate.
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in scope.Nodes)
            nodes.TryAdd(node.Id, node);
        var flows = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        foreach (var flow in scope.Flows)
            flows.TryAdd(flow.Id, flow);
        foreach (var flow in scope.Flows)
            CheckFlow(flow, nodes, where);
        foreach (var node in scope.Nodes)
        {
            CheckSupported(node);
            CheckGateway(node, flows, nodes);
            CheckDefault(node);
            CheckEvent(node, nodes);
            CheckTrigger(node, container);
            CheckActivity(node);
            CheckNodeExpressions(node);
            CheckCompensation(node, scope, nodes, container);
            if (node is SubProcess { AdHoc: not null } adHoc)
            {
                CheckAdHoc(adHoc);
                CheckScope(adHoc.Scope, "sub-process", adHoc);
            }
            else if (node is SubProcess sub)
            {
                if (!sub.Scope.Nodes.OfType<StartEvent>().Any())
                    Add(sub, DiagnosticCodes.NoStartEvent, $"{(sub.TriggeredByEvent ? "event sub-process" : sub.IsTransaction ? "transaction" : "sub-process")} '{sub.Id}' has no start event");
                CheckScope(sub.Scope, "sub-process", sub);
            }
        }
        if (container?.AdHoc is null)
            CheckReachability(scope, nodes, flows);
    }

    private void CheckFlow(SequenceFlow flow, Dictionary<string, FlowNode> nodes, string where)
    {
        foreach (var (attribute, target) in new[] { ("sourceRef", flow.SourceRef), ("targetRef", flow.TargetRef) })
        {
            if (target.Length == 0)
                Add(flow.Location, flow.Id, DiagnosticCodes.FlowToNowhere, $"sequence flow '{flow.Id}' has no {attribute}");
            else if (!_allIds.Contains(target))
                Add(flow.Location, flow.Id, DiagnosticCodes.DanglingReference, $"{attribute}=\"{target}\" names no element in this file");
            else if (!nodes.ContainsKey(target))
                Add(flow.Location, flow.Id, DiagnosticCodes.FlowToNowhere, $"{attribute}=\"{target}\" is not a flow node of the same {where}: a sequence flow cannot cross a sub-process or pool boundary");
        }
        if (flow.Condition is { } condition)
            CheckExpression(flow.Location, flow.Id, condition, ExpressionUse.Condition, "condition");
    }

    private void CheckSupported(FlowNode node)
    {
        switch (node)
        {
            case UnsupportedActivity activity:
                Add(node, DiagnosticCodes.Unsupported, $"{activity.UnsupportedType} is a choreography activity: BPMN 2.0.2 gives choreographies no execution semantics, so no engine runs it (model the exchange with send and receive tasks or message events)");
                break;
            case Event e:
                foreach (var definition in e.EventDefinitions.OfType<UnsupportedEventDefinition>())
                    Add(node, DiagnosticCodes.Unsupported, $"{definition.DefinitionType} is not supported yet: the engine would not trigger or throw it");
                break;
        }
    }

    private void CheckGateway(FlowNode node, Dictionary<string, SequenceFlow> flows, Dictionary<string, FlowNode> nodes)
    {
        var outgoing = node.Outgoing.Select(id => flows[id]).ToList();
        switch (node)
        {
            case ParallelGateway:
                // The spec says a parallel gateway ignores conditions on its outgoing flows: run it so, but say so.
                foreach (var flow in outgoing.Where(f => f.Condition is not null))
                    Add(flow.Location, flow.Id, DiagnosticCodes.ConditionOnParallelGateway, $"sequence flow '{flow.Id}' leaves parallel gateway '{node.Id}' but has a condition, which a parallel gateway ignores", DiagnosticSeverity.Warning);
                break;
            case ExclusiveGateway or InclusiveGateway or ComplexGateway when outgoing.Count >= 2:
                var unguarded = outgoing.Where(f => f.Condition is null && f.Id != ((Gateway)node).DefaultFlow).Select(f => f.Id).ToList();
                if (unguarded.Count > 0)
                    Add(node, DiagnosticCodes.AmbiguousGateway, $"{node.ElementType} '{node.Id}' has {outgoing.Count} outgoing flows but {string.Join(", ", unguarded.Select(u => "'" + u + "'"))} has neither a condition nor is the default flow");
                break;
            case EventBasedGateway:
                foreach (var flow in outgoing)
                {
                    if (!nodes.TryGetValue(flow.TargetRef, out var target))
                        continue;
                    var ok = target is ReceiveTask
                        || target is IntermediateCatchEvent { Definition: MessageEventDefinition or TimerEventDefinition or SignalEventDefinition or ConditionalEventDefinition };
                    if (!ok)
                        Add(flow.Location, flow.Id, DiagnosticCodes.EventGatewayTarget, $"event-based gateway '{node.Id}' leads to {target.ElementType} '{target.Id}'; it may only lead to message, timer, signal or conditional catch events or receive tasks");
                }
                break;
        }
    }

    private void CheckDefault(FlowNode node)
    {
        var defaultFlow = node switch
        {
            Gateway g => g.DefaultFlow,
            Activity a => a.DefaultFlow,
            _ => null,
        };
        if (defaultFlow is not null && !node.Outgoing.Contains(defaultFlow))
            Add(node, DiagnosticCodes.DefaultFlowNotOutgoing, $"default=\"{defaultFlow}\" is not a sequence flow leaving '{node.Id}'");
    }

    private void CheckEvent(FlowNode node, Dictionary<string, FlowNode> nodes)
    {
        if (node is not Event e)
            return;
        if (e.EventDefinitions.Length > 1 && MultipleProblem(e) is { } problem)
            Add(node, DiagnosticCodes.SeveralEventDefinitions, $"{node.ElementType} '{node.Id}' has {e.EventDefinitions.Length} event definitions: {problem}");
        if (e is BoundaryEvent boundary)
        {
            if (!nodes.TryGetValue(boundary.AttachedToRef, out var host))
                Add(node, DiagnosticCodes.DanglingReference, $"attachedToRef=\"{boundary.AttachedToRef}\" names no activity in the same scope");
            else if (host is not Activity)
                Add(node, DiagnosticCodes.DanglingReference, $"attachedToRef=\"{boundary.AttachedToRef}\" names a {host.ElementType}, not an activity");
        }
        foreach (var definition in e.EventDefinitions)
        {
            switch (definition)
            {
                case MessageEventDefinition m:
                    CheckRef(node, "messageRef", m.MessageRef, _model.Messages.Select(x => x.Id));
                    if (m.CorrelationKey is { } key)
                        CheckExpression(node, key, ExpressionUse.Value, "correlation key");
                    break;
                case SignalEventDefinition s:
                    CheckRef(node, "signalRef", s.SignalRef, _model.Signals.Select(x => x.Id));
                    break;
                case ErrorEventDefinition er:
                    CheckRef(node, "errorRef", er.ErrorRef, _model.Errors.Select(x => x.Id));
                    break;
                case EscalationEventDefinition es:
                    CheckRef(node, "escalationRef", es.EscalationRef, _model.Escalations.Select(x => x.Id));
                    break;
                case TimerEventDefinition t:
                    CheckTimer(node, t);
                    break;
                case ConditionalEventDefinition c:
                    if (c.Condition.Text.Length == 0)
                        Add(node, DiagnosticCodes.MissingCondition, "the conditional event has no condition");
                    else
                        CheckExpression(node, c.Condition, ExpressionUse.Condition, "condition");
                    break;
            }
        }
    }

    /// <summary>
    /// A multiple catch waits for any one of messages, timers, signals and conditions; a multiple throw throws
    /// messages, signals and escalations; a process-level start starts on messages, timers, signals and conditions.
    /// </summary>
    private string? MultipleProblem(Event e)
    {
        if (e.ParallelMultiple && e is not (IntermediateCatchEvent or BoundaryEvent or StartEvent))
            return "only catch events can be parallel multiple (every trigger must occur)";
        var atProcessLevel = _model.Processes.Any(p => p.Scope.Nodes.Contains(e));
        return e switch
        {
            StartEvent when atProcessLevel && !e.EventDefinitions.All(d => d is MessageEventDefinition or TimerEventDefinition or SignalEventDefinition or ConditionalEventDefinition)
                => "a process-level start event with several triggers may only start on messages, timers, signals and conditions",
            IntermediateThrowEvent or EndEvent when !e.EventDefinitions.All(d => d is MessageEventDefinition or SignalEventDefinition or EscalationEventDefinition)
                => "a multiple throw event may only throw messages, signals and escalations",
            StartEvent or IntermediateCatchEvent or BoundaryEvent when !e.EventDefinitions.All(d => d is MessageEventDefinition or TimerEventDefinition or SignalEventDefinition or ConditionalEventDefinition)
                => "a multiple catch event may only wait for messages, timers, signals and conditions",
            _ => null,
        };
    }

    private void CheckRef(FlowNode node, string attribute, string? reference, IEnumerable<string> ids)
    {
        if (reference is not null && !ids.Contains(reference, StringComparer.Ordinal))
            Add(node, DiagnosticCodes.DanglingReference, $"{attribute}=\"{reference}\" names no {attribute[..^3]} defined in this file");
    }

    private void CheckTimer(FlowNode node, TimerEventDefinition timer)
    {
        var text = timer.Value.Text.Trim();
        var kind = timer.Kind switch { TimerKind.Date => "timeDate", TimerKind.Duration => "timeDuration", _ => "timeCycle" };
        if (text.Length == 0)
        {
            Add(node, DiagnosticCodes.InvalidTimer, "the timer has no value: give a timeDate, timeDuration or timeCycle");
            return;
        }
        if (IsExpression(text))
        {
            CheckExpression(node, timer.Value, ExpressionUse.Value, kind);
            return;
        }
        if (!IsoTimer.TryParse(timer.Kind, text, out var parsed, out var error))
            Add(node, DiagnosticCodes.InvalidTimer, $"{kind} does not parse: {error}");
        else if (parsed!.Period is { } period && period < options.MinimumTimerCycle)
            Add(node, DiagnosticCodes.TimerCycleTooShort, $"timeCycle '{text}' repeats every {period}, more often than the shortest cycle allowed ({options.MinimumTimerCycle}, setting Engine:MinimumTimerCycle)");
    }

    private void CheckActivity(FlowNode node)
    {
        if (node is Activity activity)
        {
            if (activity.StartQuantity < 1)
                Add(node, DiagnosticCodes.InvalidQuantity, $"startQuantity=\"{activity.StartQuantity}\" on '{node.Id}': an activity needs at least one token to start");
            if (activity.CompletionQuantity < 1)
                Add(node, DiagnosticCodes.InvalidQuantity, $"completionQuantity=\"{activity.CompletionQuantity}\" on '{node.Id}': an activity sends at least one token on completion");
            if (activity.Loop is StandardLoopCharacteristics { LoopMaximum: < 0 } loop)
                Add(node, DiagnosticCodes.NegativeLoopMaximum, $"loopMaximum=\"{loop.LoopMaximum}\" on '{node.Id}' is negative: give 0 or more");
        }
        switch (node)
        {
            case CallActivity call when call.CalledElement.Length == 0:
                Add(node, DiagnosticCodes.MissingCalledElement, $"call activity '{node.Id}' has no calledElement (or zeebe:calledElement processId): it calls nothing");
                break;
            case CallActivity { GlobalTask: { } task }:
                CheckActivity(task);
                CheckNodeExpressions(task);
                break;
            case CallActivity call when !IsExpression(call.CalledElement) && !_model.Processes.Any(p => p.Id == call.CalledElement):
                Add(node, DiagnosticCodes.UnresolvedCalledElement, $"calledElement=\"{call.CalledElement}\" is not a process in this file; it must be deployed from another file", DiagnosticSeverity.Warning);
                break;
            case SendTask send:
                CheckRef(node, "messageRef", send.MessageRef, _model.Messages.Select(x => x.Id));
                break;
            case ReceiveTask receive:
                CheckRef(node, "messageRef", receive.MessageRef, _model.Messages.Select(x => x.Id));
                break;
        }
    }

    private void CheckNodeExpressions(FlowNode node)
    {
        foreach (var p in node.Inputs.Concat(node.Outputs))
        {
            if (p.Value is { } value)
                CheckExpression(node, value, ExpressionUse.Value, $"parameter '{p.Name}'");
        }
        switch (node)
        {
            case ScriptTask script:
                CheckExpression(node, new Expression(script.Script, script.ScriptFormat), ExpressionUse.Script, "script");
                break;
            case UserTask user:
                var human = user.Human;
                foreach (var (what, value) in new[] { ("assignee", human.Assignee), ("dueDate", human.DueDate), ("followUpDate", human.FollowUpDate), ("priority", human.Priority) })
                {
                    if (value is not null && IsExpression(value.Text))
                        CheckExpression(node, value, ExpressionUse.Value, what);
                }
                foreach (var candidate in human.CandidateUsers.Concat(human.CandidateGroups).Where(c => IsExpression(c.Text)))
                    CheckExpression(node, candidate, ExpressionUse.Value, "candidate list");
                break;
            case CallActivity call:
                foreach (var mapping in call.InMappings.Concat(call.OutMappings))
                {
                    if (mapping.SourceExpression is { } source)
                        CheckExpression(node, source, ExpressionUse.Value, "variable mapping");
                }
                break;
            case ReceiveTask { CorrelationKey: { } key }:
                CheckExpression(node, key, ExpressionUse.Value, "correlation key");
                break;
            case ComplexGateway { ActivationCondition: { } activation }:
                CheckExpression(node, activation, ExpressionUse.Condition, "activationCondition");
                break;
        }
        switch ((node as Activity)?.Loop)
        {
            case MultiInstanceLoopCharacteristics mi:
                if (mi.LoopCardinality is { } cardinality)
                    CheckExpression(node, cardinality, ExpressionUse.Value, "loopCardinality");
                if (mi.InputCollection is { } collection)
                    CheckExpression(node, collection, ExpressionUse.Value, "collection");
                if (mi.CompletionCondition is { } completion)
                    CheckExpression(node, completion, ExpressionUse.Condition, "completionCondition");
                if (mi.LoopCardinality is null && mi.InputCollection is null)
                    Add(node, DiagnosticCodes.MultiInstanceWithoutInput, "multi-instance needs a loopCardinality or a collection (jc:collection, camunda:collection or zeebe:loopCharacteristics inputCollection)");
                if (MultiInstanceBehaviorRule.Problem(mi) is { } behaviorProblem)
                    Add(node, DiagnosticCodes.MultiInstanceBehavior, behaviorProblem);
                foreach (var c in mi.ComplexBehaviorDefinitions)
                {
                    if (c.Condition is { } condition)
                        CheckExpression(node, condition, ExpressionUse.Condition, "complexBehaviorDefinition condition");
                }
                break;
            case StandardLoopCharacteristics { LoopCondition: { } condition }:
                CheckExpression(node, condition, ExpressionUse.Condition, "loopCondition");
                break;
        }
    }

    private void CheckReachability(FlowScope scope, Dictionary<string, FlowNode> nodes, Dictionary<string, SequenceFlow> flows)
    {
        // Tokens enter a scope at start events, event sub-processes, boundary events, link catch events and compensation handlers.
        var roots = scope.Nodes.Where(n => n is StartEvent or BoundaryEvent or SubProcess { TriggeredByEvent: true } or Activity { IsForCompensation: true }
            || n is IntermediateCatchEvent { Definition: LinkEventDefinition });
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowNode>(roots);
        while (queue.TryDequeue(out var node))
        {
            if (!reached.Add(node.Id))
                continue;
            foreach (var flowId in node.Outgoing)
            {
                if (nodes.TryGetValue(flows[flowId].TargetRef, out var next))
                    queue.Enqueue(next);
            }
        }
        foreach (var node in scope.Nodes.Where(n => !reached.Contains(n.Id)))
            Add(node, DiagnosticCodes.Unreachable, $"{node.ElementType} '{node.Id}' cannot be reached from any start event, event sub-process or boundary event");
    }

    private void CheckExpression(FlowElement element, Expression expression, ExpressionUse use, string what) =>
        CheckExpression(element.Location, element.Id, expression, use, what);

    private void CheckExpression(SourceLocation location, string id, Expression expression, ExpressionUse use, string what)
    {
        if (expressions is null)
            return;
        if (expressions.Check(expression, use) is { } problem)
            Add(location, id, DiagnosticCodes.InvalidExpression, $"{what} does not parse: {problem}");
    }

    private static bool IsExpression(string text)
    {
        var t = text.Trim();
        return t.StartsWith('=') || t.StartsWith("${", StringComparison.Ordinal) || t.StartsWith("#{", StringComparison.Ordinal);
    }

    private static HashSet<string> CollectIds(DocumentElement root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<DocumentElement>([root]);
        while (stack.TryPop(out var element))
        {
            if (element.Id is { } id)
                ids.Add(id);
            foreach (var child in element.Elements())
                stack.Push(child);
        }
        return ids;
    }

    private void Add(FlowElement element, string code, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        Add(element.Location, element.Id, code, message, severity);

    private void Add(SourceLocation location, string? id, string code, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _diagnostics.Add(new BpmnDiagnostic(read.SourceName, location.Line, id, code, message, severity));
}

using System.Collections.Concurrent;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Refuses, with one message per problem, whatever the engine cannot run, and pre-compiles every expression into
/// <paramref name="expressions"/> (none when it is null: a stored version's, compiled when it was deployed).
/// </summary>
internal sealed class DefinitionChecker(
    IReadOnlyDictionary<string, ProcessIndex> processes,
    ConcurrentDictionary<(string, ExpressionRole), CompiledExpression>? expressions,
    List<string> problems)
{
    private ProcessIndex? current;

    public void Check(ProcessIndex index)
    {
        current = index;
        var process = index.Process;
        CheckScope(process.Id, process.Scope, isProcess: true, isEventSubProcess: false);
    }

    private void CheckScope(string containerId, FlowScope scope, bool isProcess, bool isEventSubProcess, bool isAdHoc = false)
    {
        var starts = scope.Nodes.OfType<StartEvent>().ToList();
        if (isAdHoc)
        {
            // The spec: no start or end events in an ad-hoc sub-process; its activities are chosen.
            if (scope.Nodes.Any(n => n is StartEvent or EndEvent))
                Problem(containerId, "an ad-hoc sub-process has no start or end events");
            if (!scope.Nodes.Any(n => n is Activity { IsForCompensation: false } and not SubProcess { TriggeredByEvent: true }))
                Problem(containerId, "an ad-hoc sub-process needs at least one activity");
        }
        else if (starts.Count == 0)
            Problem(containerId, "has no start event");
        if (!isProcess && !isEventSubProcess && !isAdHoc && (starts.Count != 1 || starts[0].Definition is not null))
            Problem(containerId, "an embedded sub-process needs exactly one none start event");
        if (isEventSubProcess && (starts.Count != 1 || starts[0].Definition is null or LinkEventDefinition or TerminateEventDefinition || (starts[0].EventDefinitions.Length > 1 && starts[0].Definition is ErrorEventDefinition or EscalationEventDefinition)))
            Problem(containerId, "an event sub-process needs exactly one start event with a message, timer, signal, conditional, error, escalation or compensation trigger (error and escalation alone, not among several)");

        var parallel = scope.Nodes.OfType<ParallelGateway>().Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var flow in scope.Flows)
        {
            // A parallel gateway ignores the conditions on its outgoing flows (the validator warns).
            if (flow.Condition is { } condition && !parallel.Contains(flow.SourceRef))
                Expr(flow.Id, condition, ExpressionRole.Condition);
        }
        foreach (var node in scope.Nodes)
            CheckNode(node, isProcess);
    }

    private void CheckNode(FlowNode node, bool atProcessLevel)
    {
        foreach (var p in node.Inputs.Concat(node.Outputs))
        {
            if (p.Value is { } value)
                Expr(node.Id, value, ExpressionRole.Value);
        }
        if (node is Event e)
        {
            if (e.EventDefinitions.Length > 1 && MultipleProblem(e, atProcessLevel) is { } multiple)
                Problem(node.Id, multiple);
            foreach (var definition in e.EventDefinitions)
            {
                if (definition is UnsupportedEventDefinition u)
                    Problem(node.Id, $"{u.DefinitionType} events are not supported");
                CheckDefinition(node.Id, definition);
            }
        }
        switch (node)
        {
            case UnsupportedActivity u:
                Problem(node.Id, $"{u.UnsupportedType} is a choreography activity, which has no execution semantics");
                break;
            case ComplexGateway { ActivationCondition: { } activation }:
                Expr(node.Id, activation, ExpressionRole.Condition);
                break;
            case Activity { IsForCompensation: true } handler when !handler.Incoming.IsEmpty || !handler.Outgoing.IsEmpty:
                Problem(node.Id, "a compensation handler (isForCompensation) has no incoming or outgoing sequence flows");
                break;
            case BoundaryEvent { Definition: CompensateEventDefinition } b when current!.CompensationHandler(b.AttachedToRef) is null:
                Problem(node.Id, "a compensation boundary event needs an association to an isForCompensation activity (its handler)");
                break;
            case BoundaryEvent { Definition: CancelEventDefinition } b when current!.Nodes.GetValueOrDefault(b.AttachedToRef) is not SubProcess { IsTransaction: true }:
                Problem(node.Id, "a cancel boundary event may only be attached to a transaction");
                break;
            case EndEvent { Definition: CancelEventDefinition } when current!.Nodes.GetValueOrDefault(current.ContainerOf(node.Id)) is not SubProcess { IsTransaction: true } transaction
                || !current.BoundariesOf(transaction.Id).Any(b => b.Definition is CancelEventDefinition):
                Problem(node.Id, "a cancel end event must be directly inside a transaction that has a cancel boundary event");
                break;
            case ServiceTask { ActivityName: null }:
            case BusinessRuleTask { ActivityName: null }:
                Problem(node.Id, "names no registered activity to run (jc:activity)");
                break;
            case SendTask { ActivityName: null, MessageName: null, MessageRef: null }:
                Problem(node.Id, "a send task needs an activity or a message");
                break;
            case ReceiveTask r:
                if (r.CorrelationKey is { } key)
                    Expr(node.Id, key, ExpressionRole.Value);
                break;
            case ScriptTask s:
                if (s.ScriptFormat is { } format && !JintExpressionSyntax.IsJavaScript(format))
                    Problem(node.Id, $"script format '{format}' is not supported; scripts are JavaScript");
                else
                    Expr(node.Id, new Bpmn.Model.Expression(s.Script), ExpressionRole.Script);
                break;
            case UserTask u:
                var h = u.Human;
                foreach (var x in new[] { h.Assignee, h.DueDate, h.FollowUpDate, h.Priority }.Concat(h.CandidateUsers).Concat(h.CandidateGroups))
                {
                    if (x is not null)
                        Expr(node.Id, x, ExpressionRole.Value);
                }
                break;
            case CallActivity { GlobalTask: { } task }:
                CheckNode(task, atProcessLevel);
                break;
            case CallActivity c:
                if (!processes.ContainsKey(c.CalledElement))
                    Problem(node.Id, $"calls process '{c.CalledElement}', which is not in the definition set");
                foreach (var m in c.InMappings.Concat(c.OutMappings))
                {
                    if (m.SourceExpression is { } x)
                        Expr(node.Id, x, ExpressionRole.Value);
                }
                break;
            case SubProcess sp:
                if (sp.AdHoc?.CompletionCondition is { } completion)
                    Expr(node.Id, completion, ExpressionRole.Condition);
                CheckScope(sp.Id, sp.Scope, isProcess: false, isEventSubProcess: sp.TriggeredByEvent, isAdHoc: sp.AdHoc is not null);
                break;
            case BoundaryEvent b when b.Definition is null or LinkEventDefinition or TerminateEventDefinition:
                Problem(node.Id, "a boundary event needs a timer, message, signal, conditional, error, escalation, compensation or cancel trigger");
                break;
            case StartEvent s when atProcessLevel && s.Definition is ErrorEventDefinition or EscalationEventDefinition or LinkEventDefinition or TerminateEventDefinition or CompensateEventDefinition or CancelEventDefinition:
                Problem(node.Id, "this start event trigger is only allowed in an event sub-process");
                break;
            case IntermediateCatchEvent c when c.Definition is null or ErrorEventDefinition or EscalationEventDefinition or TerminateEventDefinition or CompensateEventDefinition or CancelEventDefinition:
                Problem(node.Id, "an intermediate catch event needs a message, timer, signal, conditional or link trigger");
                break;
            case IntermediateThrowEvent t when t.Definition is ErrorEventDefinition or TerminateEventDefinition or TimerEventDefinition or CancelEventDefinition:
                Problem(node.Id, "an intermediate throw event may be none, message, signal, link, escalation or compensation");
                break;
            case EndEvent en when en.Definition is TimerEventDefinition or LinkEventDefinition:
                Problem(node.Id, "an end event may be none, message, signal, error, escalation, terminate, compensation or cancel");
                break;
        }
        if (node is Activity { StartQuantity: < 1 } or Activity { CompletionQuantity: < 1 })
            Problem(node.Id, "startQuantity and completionQuantity must be at least 1");
        if (node is Activity { Loop: StandardLoopCharacteristics { LoopMaximum: < 0 } })
            Problem(node.Id, "loopMaximum must not be negative");
        if (node is Activity { Loop: { } loop })
        {
            switch (loop)
            {
                case MultiInstanceLoopCharacteristics mi:
                    if (mi.InputCollection is null && mi.LoopCardinality is null)
                        Problem(node.Id, "multi-instance needs a collection or a cardinality");
                    foreach (var x in new[] { mi.InputCollection, mi.LoopCardinality, mi.OutputElement })
                    {
                        if (x is not null)
                            Expr(node.Id, x, ExpressionRole.Code);
                    }
                    if (mi.CompletionCondition is { } cc)
                        Expr(node.Id, cc, ExpressionRole.Condition);
                    if (Bpmn.Validation.MultiInstanceBehaviorRule.Problem(mi) is { } behaviorProblem)
                        Problem(node.Id, behaviorProblem);
                    foreach (var c in mi.ComplexBehaviorDefinitions)
                    {
                        if (c.Condition is { } condition)
                            Expr(node.Id, condition, ExpressionRole.Condition);
                    }
                    break;
                case StandardLoopCharacteristics sl:
                    if (sl.LoopCondition is { } lc)
                        Expr(node.Id, lc, ExpressionRole.Condition);
                    else if (sl.LoopMaximum is null)
                        Problem(node.Id, "a standard loop needs a loop condition or a loop maximum");
                    break;
            }
        }
    }

    /// <summary>Why an event with several definitions cannot run, or null when it can.</summary>
    internal static string? MultipleProblem(Event e, bool atProcessLevel)
    {
        if (e.ParallelMultiple && e is not (IntermediateCatchEvent or BoundaryEvent or StartEvent))
            return "only catch events can be parallel multiple (every trigger must occur)";
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

    private void CheckDefinition(string nodeId, EventDefinition? definition)
    {
        switch (definition)
        {
            case TimerEventDefinition t:
                Expr(nodeId, t.Value, ExpressionRole.Value);
                break;
            case MessageEventDefinition { CorrelationKey: { } key }:
                Expr(nodeId, key, ExpressionRole.Value);
                break;
            case ConditionalEventDefinition c when c.Condition.Text.Trim().Length == 0:
                Problem(nodeId, "a conditional event needs a condition expression");
                break;
            case ConditionalEventDefinition c:
                Expr(nodeId, c.Condition, ExpressionRole.Condition);
                break;
        }
    }

    private void Expr(string elementId, Bpmn.Model.Expression expression, ExpressionRole role)
    {
        if (expression.Language is { } language && !JintExpressionSyntax.IsJavaScript(language))
        {
            Problem(elementId, $"expression language '{language}' is not supported; expressions are JavaScript");
            return;
        }
        if (expressions is null)
            return;
        try
        {
            expressions.GetOrAdd((expression.Text, role), static key => ExpressionCompiler.Compile(key.Item1, key.Item2));
        }
        catch (ScriptFailure f)
        {
            Problem(elementId, $"expression '{expression.Text}' does not parse: {f.Message}");
        }
    }

    private void Problem(string elementId, string message) => problems.Add($"{elementId}: {message}");
}

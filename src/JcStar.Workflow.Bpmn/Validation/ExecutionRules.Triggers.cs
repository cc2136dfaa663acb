using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>
/// Which trigger each kind of event may have, as the engine's definition check refuses them, so that
/// <c>jcstar validate</c> and the modeler's check find them with a line number instead of the deployment.
/// Events with several definitions are judged by <see cref="MultipleProblem"/>, cancel events by the compensation rules.
/// </summary>
internal sealed partial class ExecutionRules
{
    private void CheckTrigger(FlowNode node, SubProcess? container)
    {
        if (node is not Event e || e.EventDefinitions.Length > 1)
            return;
        var trigger = e.Definition;
        var problem = e switch
        {
            StartEvent when container is null && trigger is ErrorEventDefinition or EscalationEventDefinition or CompensateEventDefinition
                => $"a process cannot start on {TriggerName(trigger)}: only an event sub-process can (BPMN 2.0.2, table 10.84)",
            StartEvent when trigger is LinkEventDefinition or TerminateEventDefinition
                => $"a start event cannot have {TriggerName(trigger)} trigger",
            StartEvent when container is { TriggeredByEvent: true } && trigger is null
                => $"the start event of event sub-process '{container.Id}' needs a trigger (message, timer, signal, conditional, error, escalation or compensation)",
            BoundaryEvent when trigger is null or LinkEventDefinition or TerminateEventDefinition
                => $"a boundary event needs a message, timer, signal, conditional, error, escalation, compensation or cancel trigger, not {TriggerName(trigger)}",
            IntermediateCatchEvent when trigger is null or ErrorEventDefinition or EscalationEventDefinition or TerminateEventDefinition or CompensateEventDefinition
                => $"an intermediate catch event needs a message, timer, signal, conditional or link trigger, not {TriggerName(trigger)}",
            IntermediateThrowEvent when trigger is ErrorEventDefinition or TerminateEventDefinition or TimerEventDefinition
                => $"an intermediate throw event cannot throw {TriggerName(trigger)}: it may be none, message, signal, escalation, link or compensation (an error or terminate ends a path: use an end event)",
            EndEvent when trigger is TimerEventDefinition or LinkEventDefinition
                => $"an end event cannot have {TriggerName(trigger)} trigger",
            _ => null,
        };
        if (problem is not null)
            Add(node, DiagnosticCodes.EventTrigger, $"{node.ElementType} '{node.Id}': {problem}");
    }

    private static string TriggerName(EventDefinition? trigger) => trigger switch
    {
        null => "none",
        MessageEventDefinition => "a message",
        TimerEventDefinition => "a timer",
        SignalEventDefinition => "a signal",
        ConditionalEventDefinition => "a conditional",
        ErrorEventDefinition => "an error",
        EscalationEventDefinition => "an escalation",
        CompensateEventDefinition => "a compensation",
        CancelEventDefinition => "a cancel",
        LinkEventDefinition => "a link",
        TerminateEventDefinition => "a terminate",
        _ => "this",
    };
}

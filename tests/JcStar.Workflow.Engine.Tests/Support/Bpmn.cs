using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>Short constructors for model records, so a test reads like the diagram it builds.</summary>
public static class Bpmn
{
    public static Expression X(string text) => new(text);

    public static StartEvent Start(string id = "start", EventDefinition? on = null, bool interrupting = true) =>
        new() { Id = id, EventDefinitions = on is null ? [] : [on], IsInterrupting = interrupting };

    public static EndEvent End(string id = "end", EventDefinition? definition = null) =>
        new() { Id = id, EventDefinitions = definition is null ? [] : [definition] };

    public static UserTask User(string id, string? assignee = null, string? due = null) =>
        new() { Id = id, Name = id, Human = new HumanTaskDefinition { Assignee = assignee is null ? null : X(assignee), DueDate = due is null ? null : X(due) } };

    public static ServiceTask Service(string id, string activity, string? resultVariable = null) =>
        new() { Id = id, ActivityName = activity, ResultVariable = resultVariable };

    public static ScriptTask Script(string id, string script, string? resultVariable = null) =>
        new() { Id = id, Script = script, ResultVariable = resultVariable };

    public static TaskActivity Task(string id) => new() { Id = id };

    public static IntermediateCatchEvent Catch(string id, EventDefinition on) => new() { Id = id, EventDefinitions = [on] };

    public static IntermediateThrowEvent Throw(string id, EventDefinition? definition = null) =>
        new() { Id = id, EventDefinitions = definition is null ? [] : [definition] };

    public static BoundaryEvent Boundary(string id, string attachedTo, EventDefinition on, bool interrupting = true) =>
        new() { Id = id, AttachedToRef = attachedTo, CancelActivity = interrupting, EventDefinitions = [on] };

    public static TimerEventDefinition Timer(string value, TimerKind kind = TimerKind.Duration) => new() { Kind = kind, Value = X(value) };

    public static MessageEventDefinition Message(string name, string? key = null) =>
        new() { MessageName = name, CorrelationKey = key is null ? null : X(key) };

    public static SignalEventDefinition Signal(string name) => new() { SignalName = name };

    public static ErrorEventDefinition Error(string? code) => new() { ErrorCode = code };

    public static EscalationEventDefinition Escalation(string? code) => new() { EscalationCode = code };

    public static TerminateEventDefinition Terminate() => new();

    public static LinkEventDefinition Link(string name) => new() { Name = name };

    public static ExclusiveGateway Xor(string id, string? defaultFlow = null) => new() { Id = id, DefaultFlow = defaultFlow };

    public static ParallelGateway And(string id) => new() { Id = id };

    public static InclusiveGateway Or(string id, string? defaultFlow = null) => new() { Id = id, DefaultFlow = defaultFlow };

    public static EventBasedGateway EventGateway(string id) => new() { Id = id };

    public static ImmutableArray<IoParameter> Io(params (string Name, string? Value)[] parameters) =>
        [.. parameters.Select(p => new IoParameter(p.Name, p.Value is null ? null : X(p.Value)))];
}

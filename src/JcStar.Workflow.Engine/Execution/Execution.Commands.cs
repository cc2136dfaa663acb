using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Timers;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>Commands from outside, and the waits they answer: user tasks, invoked activities, called processes.</summary>
internal sealed partial class Execution
{
    public static Execution Start(DefinitionSet definitions, ScriptSandbox sandbox, StartInstance command, DateTimeOffset now)
    {
        var index = definitions.Index(command.ProcessId)
            ?? throw new WorkflowCommandException(CommandRejection.NotFound, $"process '{command.ProcessId}' is not in the definition set");
        var starts = index.StartEvents;
        var start = command.StartEventId is { } startEventId
            ? starts.FirstOrDefault(s => s.Id == startEventId)
            : command.MessageName is { } message
            ? starts.FirstOrDefault(s => s.EventDefinitions.Any(d => d is MessageEventDefinition m && index.MessageName(m.MessageName, m.MessageRef) == message))
            : index.NoneStartEvent ?? (starts.Length == 1 ? starts[0] : null);
        if (start is null)
            throw new WorkflowCommandException(CommandRejection.Invalid,
                command.StartEventId is not null ? $"process '{command.ProcessId}' has no start event '{command.StartEventId}' at process level"
                : command.MessageName is null ? $"process '{command.ProcessId}' has no none start event" : $"process '{command.ProcessId}' has no start event for message '{command.MessageName}'");

        var state = new InstanceState
        {
            InstanceId = command.InstanceId,
            ProcessId = command.ProcessId,
            BusinessKey = command.BusinessKey,
            Status = InstanceStatus.Waiting,
            LastId = 1,
            Elements = [new ElementInstance
            {
                Id = 1,
                ElementId = command.ProcessId,
                ProcessId = command.ProcessId,
                Wait = ElementWait.Scope,
                Variables = command.Variables.IsEmpty ? null : WithOrdinalKeys(command.Variables),
            }],
        };
        var run = new Execution(definitions, sandbox, state, now);
        run.OpenEventSubProcessStarts(1, command.ProcessId);
        var startId = run.NewInstance(1, start);
        if (start is { ParallelMultiple: true, EventDefinitions.Length: > 1 })
        {
            // The trigger that started the instance counts; it waits at the start event for the others, as a
            // parallel multiple catch event does (they close one by one; the last one completes the start).
            var arrived = ArrivedTrigger(index, start, command);
            run.SetWait(startId, ElementWait.Event);
            for (var i = 0; i < start.EventDefinitions.Length; i++)
            {
                if (i != arrived)
                    run.OpenTrigger(startId, start.Id, start.EventDefinitions[i]);
            }
            return run;
        }
        run.work.Enqueue(new Step(StepKind.Complete, startId));
        return run;
    }

    /// <summary>Which of a process-level start event's definitions the start command answers; -1 for a start by hand.</summary>
    private static int ArrivedTrigger(ProcessIndex index, StartEvent start, StartInstance command)
    {
        var timer = 0;
        for (var i = 0; i < start.EventDefinitions.Length; i++)
        {
            var matches = start.EventDefinitions[i] switch
            {
                MessageEventDefinition m => command.MessageName is { } name && index.MessageName(m.MessageName, m.MessageRef) == name,
                SignalEventDefinition s => command.SignalName is { } name && index.SignalName(s) == name,
                TimerEventDefinition => timer++ == command.TimerIndex && command.ByTimer,
                ConditionalEventDefinition => command.ByCondition,
                _ => false,
            };
            if (matches)
                return i;
        }
        return -1;
    }

    /// <summary>Variable names are case-sensitive; a dictionary that already compares them ordinally is kept as it is.</summary>
    private static ImmutableDictionary<string, JsonElement> WithOrdinalKeys(ImmutableDictionary<string, JsonElement> variables) =>
        ReferenceEquals(variables.KeyComparer, StringComparer.Ordinal) || ReferenceEquals(variables.KeyComparer, EqualityComparer<string>.Default)
            ? variables
            : variables.WithComparers(StringComparer.Ordinal);

    public void Handle(EngineCommand command)
    {
        switch (command)
        {
            case CompleteUserTask c:
            {
                var id = Pending(c.TaskId, ElementWait.UserTask, "user task");
                var task = Get(id);
                Effects.Add(new UserTaskClosed(c.TaskId, task.ElementId, UserTaskCloseReason.Completed));
                SetWait(id, ElementWait.Active);
                Complete(id, c.Variables);
                break;
            }
            case CompleteActivity c:
            {
                var id = Pending(c.JobId, ElementWait.Job, "job");
                SetWait(id, ElementWait.Active);
                Complete(id, c.Outputs);
                break;
            }
            case FailActivity f:
            {
                var id = Pending(f.JobId, ElementWait.Job, "job");
                var job = Get(id);
                SetWait(id, ElementWait.Active);
                if (f.BpmnErrorCode is { } code)
                    ThrowError(id, includeStartScope: false, code, job.ElementId, f.Message);
                else
                    RaiseIncident(id, job.ElementId, f.Message);
                break;
            }
            case FireTimer t:
            {
                var number = ParseId(t.TimerId);
                var timer = number is null ? null : timers.Find(x => x.Id == number);
                if (timer is null)
                    throw Rejected(number, t.TimerId, "timer");
                if (Now < timer.DueAt)
                    throw new WorkflowCommandException(CommandRejection.Invalid, $"timer {t.TimerId} is not due before {timer.DueAt:O}");
                FireTimer(timer);
                break;
            }
            case CorrelateMessage m:
            {
                var subscription = subscriptions.Find(s => s.Kind == SubscriptionKind.Message && s.Name == m.MessageName
                    && (s.CorrelationKey is null || s.CorrelationKey == m.CorrelationKey))
                    ?? throw new WorkflowCommandException(CommandRejection.NotFound,
                        $"no subscription for message '{m.MessageName}'" + (m.CorrelationKey is null ? "" : $" with key '{m.CorrelationKey}'"));
                Deliver(subscription, m.Variables);
                break;
            }
            case BroadcastSignal s:
                if (DeliverSignal(s.SignalName, s.Variables) == 0)
                    throw new WorkflowCommandException(CommandRejection.NotFound, $"no subscription for signal '{s.SignalName}'");
                break;
            case RetryIncident r:
            {
                var number = ParseId(r.IncidentId);
                var incident = number is null ? null : incidents.Find(x => x.Id == number);
                if (incident is null)
                    throw Rejected(number, r.IncidentId, "incident");
                incidents.Remove(incident);
                var instance = Get(incident.ElementInstance);
                var node = NodeOf(instance)!;
                SetWait(instance.Id, ElementWait.Active);
                if (node is Activity { Loop: not null } looped && instance.Iteration == 0)
                    StartLoop(instance.Id, looped, first: false);
                else
                    Execute(instance.Id, node, first: false);
                break;
            }
            case ActivateAdHocActivity a:
                ActivateAdHoc(a);
                break;
            case CancelInstance c:
                EndInstance(InstanceStatus.Cancelled, c.Reason);
                break;
            default:
                throw new WorkflowCommandException(CommandRejection.Invalid, $"{command.GetType().Name} does not apply to a running instance");
        }
    }

    private int Pending(string externalId, ElementWait wait, string what)
    {
        var number = ParseId(externalId);
        if (number is { } n && Find(n) is { } e && e.Wait == wait)
            return n;
        throw Rejected(number, externalId, what);
    }

    private static WorkflowCommandException Rejected(int? number, string externalId, string what) =>
        number is null
            ? new WorkflowCommandException(CommandRejection.NotFound, $"{what} {externalId} does not belong to this instance")
            : new WorkflowCommandException(CommandRejection.NoLongerPending, $"{what} {externalId} is no longer pending");

    // ---- waits the behaviours open ----

    public void OpenUserTask(int id, UserTask task)
    {
        var h = task.Human;
        var assignee = h.Assignee is null ? null : EvaluateText(id, h.Assignee);
        var priority = 50;
        if (h.Priority is not null && EvaluateText(id, h.Priority) is { } p)
        {
            if (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out priority))
                throw new ScriptFailure($"priority '{p}' is not an integer");
        }
        SetWait(id, ElementWait.UserTask);
        Effects.Add(new UserTaskOpened(IdOf(id), task.Id, task.Name, assignee,
            List(id, h.CandidateUsers), List(id, h.CandidateGroups),
            Date(id, h.DueDate), Date(id, h.FollowUpDate), priority, h.FormKey, task.Documentation));
    }

    private ImmutableArray<string> List(int id, ImmutableArray<Bpmn.Model.Expression> expressions)
    {
        if (expressions.IsEmpty)
            return [];
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var expression in expressions)
        {
            var value = Evaluate(id, expression, ExpressionRole.Value);
            IEnumerable<string?> items = value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(JsonValues.AsText)
                : (JsonValues.AsText(value) ?? "").Split(',');
            result.AddRange(items.Select(s => s?.Trim()).Where(s => !string.IsNullOrEmpty(s))!);
        }
        return result.ToImmutable();
    }

    /// <summary>An ISO date-time, or an ISO duration counted from now.</summary>
    private DateTimeOffset? Date(int id, Bpmn.Model.Expression? expression)
    {
        if (expression is null || EvaluateText(id, expression) is not { Length: > 0 } text)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date;
        if (IsoTimer.TryParse(TimerKind.Duration, text, out var duration, out _) && duration!.NextDue(Now, 0) is { } due)
            return due;
        throw new ScriptFailure($"'{text}' is neither an ISO 8601 date-time nor a duration");
    }

    /// <summary>Asks the host to run a registered activity and waits for its answer.</summary>
    public void InvokeActivity(int id, FlowNode node, string activityName)
    {
        // As in Camunda and Zeebe, the activity sees every visible variable, its input mappings (local
        // to the element, so nearest) overriding: a letter needs the case data and the template name.
        var inputs = VisibleVariables(id);
        var activity = node as Activity;
        SetWait(id, ElementWait.Job);
        Effects.Add(new ActivityInvoked(IdOf(id), node.Id, node.ElementType, activityName, inputs, activity?.IsAsync ?? false, activity?.Retries));
    }

    public void RunScript(int id, ScriptTask task)
    {
        var outcome = sandbox.RunScript(definitions.Compile(new Bpmn.Model.Expression(task.Script), ExpressionRole.Script), Variables(id));
        foreach (var (name, value) in outcome.Changes)
            SetVariable(id, name, value);
        if (task.ResultVariable is { } result)
            SetVariable(id, result, outcome.Result);
        Complete(id);
    }

    /// <summary>Starts the called process as a child scope of the call activity, with the mapped-in variables only.</summary>
    public void CallProcess(int id, CallActivity call)
    {
        var index = definitions.Index(call.CalledElement)!;
        var variables = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in Map(id, call.InMappings))
            variables[name] = value;
        SetWait(id, ElementWait.Called);
        var childId = NextId();
        elements.Add(new ElementInstance
        {
            Id = childId,
            Parent = id,
            ElementId = index.Id,
            ProcessId = index.Id,
            Wait = ElementWait.Scope,
            Variables = variables.Count == 0 ? null : variables.ToImmutable(),
        });
        OpenEventSubProcessStarts(childId, index.Id);
        var start = index.NoneStartEvent
            ?? throw new ScriptFailure($"process '{index.Id}' has no none start event to be called at");
        Complete(NewInstance(childId, start));
    }

    private void ReturnFromCall(ElementInstance child)
    {
        var call = Get(child.Parent);
        var node = (CallActivity)NodeOf(call)!;
        Dictionary<string, JsonElement> outputs;
        try
        {
            outputs = Map(child.Id, node.OutMappings);
        }
        catch (ScriptFailure failure)
        {
            RaiseIncident(call.Id, node.Id, failure.Message);
            return;
        }
        Remove(child.Id);
        SetWait(call.Id, ElementWait.Active);
        Complete(call.Id, outputs);
    }

    private Dictionary<string, JsonElement> Map(int from, ImmutableArray<VariableMapping> mappings)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in VisibleVariables(from))
                    result[name] = value;
                continue;
            }
            var target = mapping.Target ?? mapping.Source;
            if (target is null)
                continue;
            if (mapping.SourceExpression is { } expression)
                result[target] = Evaluate(from, expression, ExpressionRole.Value);
            else if (mapping.Source is { } source && TryGetVariable(from, source, out var value))
                result[target] = value;
        }
        return result;
    }
}

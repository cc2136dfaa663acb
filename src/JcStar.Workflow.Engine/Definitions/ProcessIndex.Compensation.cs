using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>Which activities can be compensated, and by what.</summary>
public sealed partial class ProcessIndex
{
    private readonly Dictionary<string, Activity> compensationHandlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubProcess> compensationEventSubProcesses = new(StringComparer.Ordinal);
    private readonly HashSet<string> compensable = new(StringComparer.Ordinal);

    /// <summary>The isForCompensation activity joined by an association to a compensation boundary event of <paramref name="activityId"/>.</summary>
    public Activity? CompensationHandler(string activityId) => compensationHandlers.GetValueOrDefault(activityId);

    /// <summary>The event sub-process of <paramref name="subProcessId"/> started by a compensation start event.</summary>
    public SubProcess? CompensationEventSubProcess(string subProcessId) => compensationEventSubProcesses.GetValueOrDefault(subProcessId);

    /// <summary>
    /// Whether a completed instance of the activity must be remembered: it has a handler, or it is a sub-process
    /// with a compensation event sub-process or with something compensable inside.
    /// </summary>
    public bool IsCompensable(string activityId) => compensable.Contains(activityId);

    private void IndexCompensation()
    {
        var associations = scopes.Values.SelectMany(s => s.Associations).ToList();
        foreach (var boundary in nodes.Values.OfType<BoundaryEvent>())
        {
            if (boundary.Definition is not CompensateEventDefinition)
                continue;
            foreach (var a in associations)
            {
                var other = a.SourceRef == boundary.Id ? a.TargetRef : a.TargetRef == boundary.Id ? a.SourceRef : null;
                if (other is not null && nodes.GetValueOrDefault(other) is Activity { IsForCompensation: true } handler)
                    compensationHandlers[boundary.AttachedToRef] = handler;
            }
        }
        foreach (var esp in nodes.Values.OfType<SubProcess>().Where(s => s.TriggeredByEvent))
        {
            if (esp.Scope.Nodes.OfType<StartEvent>().FirstOrDefault()?.Definition is CompensateEventDefinition)
                compensationEventSubProcesses[containerOf[esp.Id]] = esp;
        }
        MarkCompensable(Process.Scope);
    }

    private bool MarkCompensable(FlowScope scope)
    {
        var any = false;
        foreach (var node in scope.Nodes)
        {
            var inside = node is SubProcess sub && MarkCompensable(sub.Scope);
            if (node is Activity { IsForCompensation: false } activity && activity is not SubProcess { TriggeredByEvent: true }
                && (inside || compensationHandlers.ContainsKey(node.Id) || compensationEventSubProcesses.ContainsKey(node.Id)))
            {
                compensable.Add(node.Id);
                any = true;
            }
        }
        return any;
    }
}

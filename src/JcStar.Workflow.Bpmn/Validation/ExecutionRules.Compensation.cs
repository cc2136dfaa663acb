using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>Compensation handlers, compensation throws, and a transaction's cancel events.</summary>
internal sealed partial class ExecutionRules
{
    private List<Association>? _associations;
    private Dictionary<string, FlowNode>? _allNodes;

    private void CheckCompensation(FlowNode node, FlowScope scope, Dictionary<string, FlowNode> nodes, SubProcess? container)
    {
        if (node is Activity { IsForCompensation: true } && (!node.Incoming.IsEmpty || !node.Outgoing.IsEmpty))
            Add(node, DiagnosticCodes.Compensation, $"compensation handler '{node.Id}' (isForCompensation) has sequence flows; a handler is reached only through the association from its compensation boundary event");
        if (node is not Event e)
            return;
        switch (e.Definition)
        {
            case CompensateEventDefinition when e is BoundaryEvent boundary:
                if (!Associations().Any(a => (a.SourceRef == boundary.Id && IsHandler(a.TargetRef)) || (a.TargetRef == boundary.Id && IsHandler(a.SourceRef))))
                    Add(node, DiagnosticCodes.Compensation, $"compensation boundary event '{node.Id}' has no association to an isForCompensation activity, so nothing would compensate '{boundary.AttachedToRef}'");
                break;
            case CompensateEventDefinition compensate when e is IntermediateThrowEvent or EndEvent && compensate.ActivityRef is { } target:
                if (!AllNodes().TryGetValue(target, out var activity) || activity is not Activity)
                    Add(node, DiagnosticCodes.Compensation, $"activityRef=\"{target}\" names no activity in this file");
                break;
            case CancelEventDefinition when e is BoundaryEvent boundary:
                if (!nodes.TryGetValue(boundary.AttachedToRef, out var host) || host is not SubProcess { IsTransaction: true })
                    Add(node, DiagnosticCodes.Cancel, $"cancel boundary event '{node.Id}' is attached to '{boundary.AttachedToRef}', which is not a transaction");
                break;
            case CancelEventDefinition when e is EndEvent:
                if (container is not { IsTransaction: true })
                    Add(node, DiagnosticCodes.Cancel, $"cancel end event '{node.Id}' is not directly inside a transaction");
                else if (!ScopeOf(container).Nodes.OfType<BoundaryEvent>().Any(b => b.AttachedToRef == container.Id && b.Definition is CancelEventDefinition))
                    Add(node, DiagnosticCodes.Cancel, $"transaction '{container.Id}' has a cancel end event but no cancel boundary event to leave by");
                break;
            case CancelEventDefinition:
                Add(node, DiagnosticCodes.Cancel, $"{node.ElementType} '{node.Id}' cannot be a cancel event: only end events inside a transaction and boundary events on one can");
                break;
        }
    }

    private bool IsHandler(string id) => AllNodes().GetValueOrDefault(id) is Activity { IsForCompensation: true };

    /// <summary>The scope that directly contains <paramref name="child"/>.</summary>
    private FlowScope ScopeOf(FlowNode child)
    {
        foreach (var scope in AllScopes())
        {
            if (scope.Nodes.Contains(child))
                return scope;
        }
        return FlowScope.Empty;
    }

    private List<Association> Associations() => _associations ??= [.. AllScopes().SelectMany(s => s.Associations)];

    private Dictionary<string, FlowNode> AllNodes()
    {
        if (_allNodes is null)
        {
            _allNodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
            foreach (var node in AllScopes().SelectMany(s => s.Nodes))
                _allNodes.TryAdd(node.Id, node);
        }
        return _allNodes;
    }

    private IEnumerable<FlowScope> AllScopes()
    {
        var stack = new Stack<FlowScope>(_model.Processes.Select(p => p.Scope));
        while (stack.TryPop(out var scope))
        {
            yield return scope;
            foreach (var sub in scope.Nodes.OfType<SubProcess>())
                stack.Push(sub.Scope);
        }
    }
}

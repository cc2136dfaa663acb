using System.Collections.Frozen;
using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>One process compiled for execution: lookups the interpreter needs, built once.</summary>
public sealed partial class ProcessIndex
{
    private readonly Dictionary<string, FlowNode> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SequenceFlow> flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> containerOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlowScope> scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoundaryEvent>> boundaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SubProcess>> eventSubProcesses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IntermediateCatchEvent> linkTargets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FrozenSet<string>>> joinReach = new(StringComparer.Ordinal);

    public ProcessIndex(ProcessDefinition process, BpmnModel model)
    {
        Process = process;
        Model = model;
        Index(process.Id, process.Scope);
        StartEvents = [.. process.Scope.Nodes.OfType<StartEvent>()];
        NoneStartEvent = StartEvents.FirstOrDefault(s => s.Definition is null);
        IndexCompensation();
        foreach (var gateway in nodes.Values.Where(g => g is InclusiveGateway or ComplexGateway && g.Incoming.Length > 1))
            joinReach[gateway.Id] = ReachabilityInto(gateway);
    }

    public ProcessDefinition Process { get; }
    public BpmnModel Model { get; }
    public string Id => Process.Id;
    public IReadOnlyDictionary<string, FlowNode> Nodes => nodes;

    /// <summary>The start events at process level, in document order.</summary>
    public ImmutableArray<StartEvent> StartEvents { get; }

    /// <summary>The first process-level start event without a trigger, or null.</summary>
    public StartEvent? NoneStartEvent { get; }

    public FlowNode Node(string id) => nodes[id];
    public SequenceFlow Flow(string id) => flows[id];

    /// <summary>The process id or the id of the sub-process that directly contains the node.</summary>
    public string ContainerOf(string nodeId) => containerOf[nodeId];

    public FlowScope Scope(string containerId) => scopes[containerId];

    public IReadOnlyList<BoundaryEvent> BoundariesOf(string activityId) =>
        boundaries.TryGetValue(activityId, out var list) ? list : [];

    public IReadOnlyList<SubProcess> EventSubProcessesOf(string containerId) =>
        eventSubProcesses.TryGetValue(containerId, out var list) ? list : [];

    public IntermediateCatchEvent? LinkTarget(string containerId, string name) =>
        linkTargets.GetValueOrDefault(containerId + "\n" + name);

    /// <summary>
    /// For a joining inclusive or complex gateway: for each incoming flow, the nodes from which a token can
    /// still reach that flow without passing through the gateway.
    /// </summary>
    public IReadOnlyDictionary<string, FrozenSet<string>> JoinReachability(string gatewayId) => joinReach[gatewayId];

    public string MessageName(string? name, string? messageRef) =>
        name ?? Model.Messages.FirstOrDefault(m => m.Id == messageRef)?.Name ?? messageRef ?? "";

    public Bpmn.Model.Expression? MessageCorrelationKey(string? messageRef) =>
        Model.Messages.FirstOrDefault(m => m.Id == messageRef)?.CorrelationKey;

    public string SignalName(SignalEventDefinition definition) =>
        definition.SignalName ?? Model.Signals.FirstOrDefault(s => s.Id == definition.SignalRef)?.Name ?? definition.SignalRef ?? "";

    /// <summary>The code an error definition throws or catches; null on a catch means every error.</summary>
    public string? ErrorCode(ErrorEventDefinition definition) =>
        definition.ErrorCode ?? (definition.ErrorRef is null ? null
            : Model.Errors.FirstOrDefault(e => e.Id == definition.ErrorRef)?.ErrorCode ?? definition.ErrorRef);

    public string? EscalationCode(EscalationEventDefinition definition) =>
        definition.EscalationCode ?? (definition.EscalationRef is null ? null
            : Model.Escalations.FirstOrDefault(e => e.Id == definition.EscalationRef)?.EscalationCode ?? definition.EscalationRef);

    private void Index(string containerId, FlowScope scope)
    {
        scopes[containerId] = scope;
        foreach (var flow in scope.Flows)
            flows[flow.Id] = flow;
        foreach (var node in scope.Nodes)
        {
            nodes[node.Id] = node;
            containerOf[node.Id] = containerId;
            switch (node)
            {
                case BoundaryEvent b:
                    (boundaries.TryGetValue(b.AttachedToRef, out var list) ? list : boundaries[b.AttachedToRef] = []).Add(b);
                    break;
                case SubProcess { TriggeredByEvent: true } esp:
                    (eventSubProcesses.TryGetValue(containerId, out var esps) ? esps : eventSubProcesses[containerId] = []).Add(esp);
                    break;
                case IntermediateCatchEvent { Definition: LinkEventDefinition link } catchLink:
                    linkTargets[containerId + "\n" + link.Name] = catchLink;
                    break;
            }
            if (node is SubProcess sub)
                Index(sub.Id, sub.Scope);
        }
    }

    private Dictionary<string, FrozenSet<string>> ReachabilityInto(FlowNode gateway)
    {
        // Predecessors of a node: sources of its incoming flows, the host of a boundary event, and
        // the throw links that jump to a catch link.
        var predecessors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string to, string from) => (predecessors.TryGetValue(to, out var l) ? l : predecessors[to] = []).Add(from);
        foreach (var flow in flows.Values)
            Add(flow.TargetRef, flow.SourceRef);
        foreach (var b in nodes.Values.OfType<BoundaryEvent>())
            Add(b.Id, b.AttachedToRef);
        foreach (var thrower in nodes.Values.OfType<IntermediateThrowEvent>())
        {
            if (thrower.Definition is LinkEventDefinition link && LinkTarget(containerOf[thrower.Id], link.Name) is { } target)
                Add(target.Id, thrower.Id);
        }

        var result = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var flowId in gateway.Incoming)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(flows[flowId].SourceRef);
            while (queue.Count > 0)
            {
                var id = queue.Dequeue();
                if (id == gateway.Id || !seen.Add(id))
                    continue;
                foreach (var p in predecessors.GetValueOrDefault(id) ?? [])
                    queue.Enqueue(p);
            }
            result[flowId] = seen.ToFrozenSet(StringComparer.Ordinal);
        }
        return result;
    }
}

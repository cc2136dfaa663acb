using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>
/// Builds a process (or a sub-process's scope) from nodes and flows; Incoming/Outgoing are derived
/// from the flows the way the reader derives them. Flow ids are "from-to" unless given.
/// </summary>
public sealed class ProcessBuilder(string id)
{
    private readonly List<FlowNode> nodes = [];
    private readonly List<SequenceFlow> flows = [];

    public string Id { get; } = id;

    public ProcessBuilder Add(params FlowNode[] added)
    {
        nodes.AddRange(added);
        return this;
    }

    public ProcessBuilder Flow(string from, string to, string? condition = null, string? id = null)
    {
        flows.Add(new SequenceFlow { Id = id ?? $"{from}-{to}", SourceRef = from, TargetRef = to, Condition = condition is null ? null : Bpmn.X(condition) });
        return this;
    }

    /// <summary>Flows between consecutive ids.</summary>
    public ProcessBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
            Flow(ids[i - 1], ids[i]);
        return this;
    }

    public ProcessBuilder SubProcess(string id, Action<ProcessBuilder> inside, bool triggeredByEvent = false, LoopCharacteristics? loop = null)
    {
        var inner = new ProcessBuilder(id);
        inside(inner);
        return Add(new SubProcess { Id = id, Name = id, TriggeredByEvent = triggeredByEvent, Loop = loop, Scope = inner.Scope() });
    }

    public FlowScope Scope() => new()
    {
        Nodes = [.. nodes.Select(n => n with
        {
            Incoming = [.. flows.Where(f => f.TargetRef == n.Id).Select(f => f.Id)],
            Outgoing = [.. flows.Where(f => f.SourceRef == n.Id).Select(f => f.Id)],
        })],
        Flows = [.. flows],
    };

    public ProcessDefinition Process() => new() { Id = Id, IsExecutable = true, Scope = Scope() };

    public BpmnModel Model() => new() { Processes = [Process()] };

    public DefinitionSet Compile(params ProcessBuilder[] others) =>
        DefinitionSet.From(new BpmnModel { Processes = [Process(), .. others.Select(o => o.Process())] });

    public static ImmutableArray<T> List<T>(params T[] items) => [.. items];
}

using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>The flow nodes and sequence flows directly inside a process or sub-process (not nested ones).</summary>
public sealed record FlowScope
{
    public ImmutableArray<FlowNode> Nodes { get; init; } = [];
    public ImmutableArray<SequenceFlow> Flows { get; init; } = [];

    /// <summary>Association artifacts directly in this scope (a compensation boundary event points to its handler with one).</summary>
    public ImmutableArray<Association> Associations { get; init; } = [];

    /// <summary>Artifacts and data elements the engine does not run but validation may mention (kept for completeness).</summary>
    public ImmutableArray<string> IgnoredElementIds { get; init; } = [];

    public static FlowScope Empty { get; } = new();
}

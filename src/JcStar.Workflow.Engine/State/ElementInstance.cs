using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>
/// One token at one flow node, or one running scope (process, sub-process, call, loop body).
/// Instances form a tree through <see cref="Parent"/>; the root is the process instance.
/// </summary>
public sealed record ElementInstance
{
    public int Id { get; init; }

    /// <summary>0 for the process instance itself.</summary>
    public int Parent { get; init; }

    /// <summary>The flow node's id; for a process-level instance the process id.</summary>
    public required string ElementId { get; init; }

    /// <summary>Set only on process-level instances (the root and called processes): the definition their children belong to.</summary>
    public string? ProcessId { get; init; }

    public ElementWait Wait { get; init; }

    /// <summary>1-based iteration number of a multi-instance or loop iteration; 0 for anything else.</summary>
    public int Iteration { get; init; }

    /// <summary>Local variables (input mappings, loop variables, process variables on a process-level instance).</summary>
    public ImmutableDictionary<string, JsonElement>? Variables { get; init; }

    /// <summary>Multi-instance body: the input collection as it was when the body started.</summary>
    public ImmutableArray<JsonElement>? Items { get; init; }

    /// <summary>Multi-instance body: the output collection, one slot per iteration.</summary>
    public ImmutableArray<JsonElement>? Results { get; init; }

    /// <summary>A compensation in progress: the completed instances (<see cref="CompensationRecord.Instance"/>) still to compensate, next first.</summary>
    public ImmutableArray<int>? Compensating { get; init; }
}

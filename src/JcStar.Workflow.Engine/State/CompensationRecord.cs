using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>
/// A completed activity instance that can still be compensated, kept in order of completion. The records of the
/// activities completed inside a sub-process name the sub-process's (former) instance as their <see cref="Scope"/>.
/// </summary>
public sealed record CompensationRecord
{
    /// <summary>The id the completed instance had.</summary>
    public int Instance { get; init; }

    /// <summary>The scope instance the activity completed in (the thrower's scope that may compensate it).</summary>
    public int Scope { get; init; }
    public required string ElementId { get; init; }

    /// <summary>A sub-process's local variables when it completed, given back to it while it is compensated from the inside.</summary>
    public ImmutableDictionary<string, JsonElement>? Variables { get; init; }
}

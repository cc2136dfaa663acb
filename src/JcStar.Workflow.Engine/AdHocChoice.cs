using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

/// <summary>An open ad-hoc sub-process instance and the inner activities that may be chosen in it now.</summary>
public sealed record AdHocChoice(string AdHocId, string ElementId, ImmutableArray<string> Activities)
{
    /// <summary>The sub-process's name in the diagram, if it has one.</summary>
    public string? Name { get; init; }

    /// <summary>The names the diagram gives the choosable activities, by element id (those without a name are absent).</summary>
    public ImmutableDictionary<string, string> ActivityNames { get; init; } = ImmutableDictionary<string, string>.Empty;
}

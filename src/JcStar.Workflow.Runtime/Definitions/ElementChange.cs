using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>One element a draft adds, removes or changes; <see cref="Attributes"/> names what changed ("content" for what lies under it).</summary>
public sealed record ElementChange(string Id, string Kind, string? Name, ImmutableArray<string> Attributes);

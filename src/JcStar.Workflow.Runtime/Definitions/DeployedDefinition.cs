using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// One published version of one process. Immutable once stored: instances pin <see cref="Id"/> and
/// run on this XML until they end, whatever is published after.
/// </summary>
public sealed record DeployedDefinition
{
    /// <summary>"{ProcessId}:{Version}".</summary>
    public required string Id { get; init; }
    public required string ProcessId { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }

    /// <summary>SHA-256 of the XML (line endings normalised) and the pinned called versions; equal hash means nothing to publish.</summary>
    public required string ContentHash { get; init; }
    public required string Xml { get; init; }
    public required string SourceName { get; init; }

    /// <summary>
    /// The versions of processes in other files that this one calls (call activities), pinned when it
    /// was deployed so a running case never switches sub-process version under its feet.
    /// </summary>
    public ImmutableArray<string> CalledDefinitionIds { get; init; } = [];
    public string? PublishedBy { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>What the publisher wrote about this version; null for files deployed from disk.</summary>
    public string? Note { get; init; }

    public static string IdFor(string processId, int version) => $"{processId}:{version}";
}

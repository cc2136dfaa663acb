using System.Collections.Immutable;
using Microsoft.Extensions.Primitives;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// An application being written: what was typed (by form field name) and the files accepted so far, kept between
/// the form, its corrections and the confirmation page, so nothing typed or uploaded is lost to a refused file.
/// </summary>
public sealed record ApplicationDraft
{
    public required string Id { get; init; }
    public required string Owner { get; init; }
    public required string ProcessId { get; init; }
    public ImmutableDictionary<string, ImmutableArray<string>> Values { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
    public ImmutableArray<DraftFile> Files { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }

    public string Value(string name) => Values.TryGetValue(name, out var v) && v.Length > 0 ? v[0] : "";

    public ImmutableArray<string> All(string name) => Values.TryGetValue(name, out var v) ? v : [];

    /// <summary>The draft's values as the posted form they came from.</summary>
    public IFormCollection Posted() => new FormCollection(Values.ToDictionary(kv => kv.Key, kv => new StringValues([.. kv.Value])));
}

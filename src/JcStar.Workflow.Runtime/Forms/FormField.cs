using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>One input of a form-js form: its key (the variable it sets), its type and its validation.</summary>
public sealed record FormField
{
    public required string Key { get; init; }
    public required string Type { get; init; }
    public string? Label { get; init; }
    public bool Required { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }

    /// <summary>For radio, select, checklist and taglist: the values a user may choose.</summary>
    public ImmutableArray<JsonElement> AllowedValues { get; init; } = [];

    /// <summary>The labels shown for <see cref="AllowedValues"/>, in the same order.</summary>
    public ImmutableArray<string> AllowedLabels { get; init; } = [];

    public string Display => Label is { Length: > 0 } l ? $"{l} ({Key})" : Key;
}

using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine.Tests;

public static class Vars
{
    public static ImmutableDictionary<string, JsonElement> None => ImmutableDictionary<string, JsonElement>.Empty;

    /// <summary>Variables from an anonymous object, e.g. <c>Vars.Of(new { amount = 5 })</c>.</summary>
    public static ImmutableDictionary<string, JsonElement> Of(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());
}

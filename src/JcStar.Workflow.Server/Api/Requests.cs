namespace JcStar.Workflow.Server.Api;

/// <summary>Turns an optional JSON object of variables into the runtime's immutable form.</summary>
internal static class Requests
{
    public static System.Collections.Immutable.ImmutableDictionary<string, System.Text.Json.JsonElement> Variables(Dictionary<string, System.Text.Json.JsonElement>? variables) =>
        variables is null ? System.Collections.Immutable.ImmutableDictionary<string, System.Text.Json.JsonElement>.Empty
            : System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, variables);

    public static Dictionary<string, string[]> Required(params (string Field, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Field, _ => new[] { "required" });
}

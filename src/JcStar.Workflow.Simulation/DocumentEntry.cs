using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record DocumentEntry(
    [property: JsonPropertyName("element")] string? Element,
    [property: JsonPropertyName("template")] string? Template,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("path")] string? Path);

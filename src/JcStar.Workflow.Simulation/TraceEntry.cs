using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record TraceEntry(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string? Name);

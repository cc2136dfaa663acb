using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record IncidentEntry(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("message")] string Message);

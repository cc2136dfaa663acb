using System.Text.Json.Serialization;

namespace JcStar.Workflow.Cli.Simulation;

public sealed record IncidentEntry(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("message")] string Message);

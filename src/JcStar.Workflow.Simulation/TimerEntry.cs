using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record TimerEntry(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("due")] DateTimeOffset Due);

using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record OpenTaskEntry(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("assignee")] string? Assignee,
    [property: JsonPropertyName("candidateGroups")] IReadOnlyList<string> CandidateGroups);

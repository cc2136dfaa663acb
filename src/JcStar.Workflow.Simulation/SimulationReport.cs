using System.Text.Json;
using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

/// <summary>The JSON `jcstar simulate` prints: a contract others depend on, so names and shapes do not change.</summary>
public sealed record SimulationReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("trace")] IReadOnlyList<TraceEntry> Trace,
    [property: JsonPropertyName("openTasks")] IReadOnlyList<OpenTaskEntry> OpenTasks,
    [property: JsonPropertyName("timers")] IReadOnlyList<TimerEntry> Timers,
    [property: JsonPropertyName("variables")] IReadOnlyDictionary<string, JsonElement> Variables,
    [property: JsonPropertyName("incidents")] IReadOnlyList<IncidentEntry> Incidents,
    [property: JsonPropertyName("documents")] IReadOnlyList<DocumentEntry> Documents,
    [property: JsonPropertyName("mails")] IReadOnlyList<MailEntry> Mails)
{
    /// <summary>
    /// Additive: the registry of labelled products when the run ends (the scenario's "given" labels and what the
    /// run granted, extended, maintained, revoked or expired), status as of the virtual clock's final day.
    /// </summary>
    [JsonPropertyName("registry")]
    public IReadOnlyList<RegistryEntryReport> Registry { get; init; } = [];
}

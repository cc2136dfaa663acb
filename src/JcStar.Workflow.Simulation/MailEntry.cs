using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record MailEntry(
    [property: JsonPropertyName("element")] string? Element,
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("path")] string? Path)
{
    /// <summary>Additive: the mail template (folder under templates/mail/) the message was composed from.</summary>
    [JsonPropertyName("template")]
    public string? Template { get; init; }
}

using System.Text.Json.Serialization;

namespace JcStar.Workflow.Simulation;

public sealed record DocumentEntry(
    [property: JsonPropertyName("element")] string? Element,
    [property: JsonPropertyName("template")] string? Template,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("path")] string? Path)
{
    /// <summary>The version of <see cref="Template"/> that made the letter, as the host's template store numbers it (null when rendered from the folder alone).</summary>
    [JsonPropertyName("templateVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TemplateVersion { get; init; }
}

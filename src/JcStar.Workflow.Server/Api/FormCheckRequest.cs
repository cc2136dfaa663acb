using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

/// <summary>A form edited in the modeler's form editor, posted to be read as the server reads it.</summary>
public sealed record FormCheckRequest(string? FormKey, JsonElement? Schema);

using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

public sealed record MessageRequest(string? Name, string? CorrelationKey, Dictionary<string, JsonElement>? Variables);

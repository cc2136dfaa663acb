using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

public sealed record StartRequest(string? ProcessId, string? BusinessKey, Dictionary<string, JsonElement>? Variables);

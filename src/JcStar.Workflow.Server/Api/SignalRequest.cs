using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

public sealed record SignalRequest(string? Name, Dictionary<string, JsonElement>? Variables);

using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

public sealed record CompleteTaskRequest(Dictionary<string, JsonElement>? Variables);

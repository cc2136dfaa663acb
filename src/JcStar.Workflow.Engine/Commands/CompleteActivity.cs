using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>A registered activity (service, send, business-rule task or message throw) finished; its outputs become variables per the element's output mapping.</summary>
public sealed record CompleteActivity(
    string JobId,
    ImmutableDictionary<string, JsonElement> Outputs) : EngineCommand;

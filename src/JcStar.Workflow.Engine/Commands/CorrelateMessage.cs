using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>Delivers a message to this instance's subscription for <see cref="MessageName"/> whose key matches.</summary>
public sealed record CorrelateMessage(
    string MessageName,
    string? CorrelationKey,
    ImmutableDictionary<string, JsonElement> Variables) : EngineCommand;

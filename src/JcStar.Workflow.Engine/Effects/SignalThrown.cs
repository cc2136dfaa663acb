using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>A signal was thrown; subscriptions inside this instance are already triggered, the host broadcasts to others.</summary>
public sealed record SignalThrown(string ElementId, string SignalName, ImmutableDictionary<string, JsonElement> Variables) : EngineEffect;

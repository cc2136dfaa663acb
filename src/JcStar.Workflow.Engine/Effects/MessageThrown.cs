using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>A message throw event or message end event with no bound activity: the host may correlate it elsewhere.</summary>
public sealed record MessageThrown(string ElementId, string MessageName, string? CorrelationKey, ImmutableDictionary<string, JsonElement> Payload) : EngineEffect;

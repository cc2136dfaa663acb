using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>Triggers every subscription of this instance for the signal (the host fans out to instances).</summary>
public sealed record BroadcastSignal(
    string SignalName,
    ImmutableDictionary<string, JsonElement> Variables) : EngineCommand;

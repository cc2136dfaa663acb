using System.Text.Json;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>What a script task did: variables it changed or created, and its completion value.</summary>
public sealed record ScriptOutcome(IReadOnlyDictionary<string, JsonElement> Changes, JsonElement Result);

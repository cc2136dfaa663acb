using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

public sealed record CompleteUserTask(
    string TaskId,
    ImmutableDictionary<string, JsonElement> Variables,
    string? CompletedBy = null) : EngineCommand;

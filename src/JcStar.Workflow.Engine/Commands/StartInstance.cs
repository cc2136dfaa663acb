using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Starts <see cref="ProcessId"/> at its none start event, or at the message start event for
/// <see cref="MessageName"/> when given. The host chooses <see cref="InstanceId"/>.
/// </summary>
public sealed record StartInstance(
    string InstanceId,
    string ProcessId,
    ImmutableDictionary<string, JsonElement> Variables,
    string? BusinessKey = null,
    string? MessageName = null) : EngineCommand;

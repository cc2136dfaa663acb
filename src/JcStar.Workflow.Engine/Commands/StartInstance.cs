using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Starts <see cref="ProcessId"/> at its none start event, at the message start event for
/// <see cref="MessageName"/> when given, or at the process-level start event <see cref="StartEventId"/>
/// when given (a timer, signal or conditional start the host triggered; it wins over <see cref="MessageName"/>).
/// Without either, a process whose only start event has a trigger starts there. The host chooses <see cref="InstanceId"/>.
/// A parallel multiple start event needs all its triggers: the one that arrived (<see cref="MessageName"/>,
/// <see cref="SignalName"/>, <see cref="ByTimer"/> or <see cref="ByCondition"/>) counts, and the instance waits at the start event for the others.
/// A start event may hold several timers: <see cref="TimerIndex"/> says which one fired (0 for the first of the event's
/// timer definitions in document order), so the instance waits for the others.
/// </summary>
public sealed record StartInstance(
    string InstanceId,
    string ProcessId,
    ImmutableDictionary<string, JsonElement> Variables,
    string? BusinessKey = null,
    string? MessageName = null,
    string? StartEventId = null,
    string? SignalName = null,
    bool ByTimer = false,
    int TimerIndex = 0,
    bool ByCondition = false) : EngineCommand;

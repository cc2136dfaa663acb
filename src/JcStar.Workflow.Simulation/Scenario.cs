using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Simulation;

/// <summary>What a simulation does: start variables, steps, then optionally let every timer fall due.</summary>
public sealed record Scenario
{
    public ImmutableDictionary<string, JsonElement> Variables { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;
    public ImmutableArray<ScenarioStep> Steps { get; init; } = [];
    public bool DrainTimers { get; init; }
    public string? BusinessKey { get; init; }

    /// <summary>Start at the message start event for this message instead of the none start event.</summary>
    public string? StartMessage { get; init; }

    /// <summary>The virtual clock's start; a fixed default keeps every run of a scenario identical.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What the scenario's author expects (tests check it; the simulation itself only reports).</summary>
    public JsonElement? Expect { get; init; }

    /// <summary>Preconditions applied to the scheme's stores before the start: labels, facilities, conflicts.</summary>
    public ScenarioGiven Given { get; init; } = ScenarioGiven.None;

    public static Scenario Empty { get; } = new();
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Timers;

namespace JcStar.Workflow.Simulation;

/// <summary>One thing that happens to the simulated instance; exactly one of the kinds is set.</summary>
public sealed record ScenarioStep
{
    public int Index { get; init; }
    public string? Complete { get; init; }
    public string? Message { get; init; }
    public string? CorrelationKey { get; init; }
    public string? Signal { get; init; }
    /// <summary>An activity to start in the instance's open ad-hoc sub-process.</summary>
    public string? Choose { get; init; }
    /// <summary>How far the clock moves, with calendar arithmetic (P1M is a month, not 30 days).</summary>
    public IsoTimer? Advance { get; init; }
    public string? AdvanceText { get; init; }

    /// <summary>Who completes a task (default "simulation", who may complete anything).</summary>
    public string? User { get; init; }

    public ImmutableDictionary<string, JsonElement> Variables { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;
}

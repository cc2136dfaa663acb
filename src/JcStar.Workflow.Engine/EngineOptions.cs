namespace JcStar.Workflow.Engine;

/// <summary>Limits for the sandboxed JavaScript of conditions, scripts and expressions, and for timer cycles. Bound from the "Engine" configuration section by hosts.</summary>
public sealed record EngineOptions
{
    /// <summary>Wall-clock budget of one script evaluation.</summary>
    public TimeSpan ScriptTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public long ScriptMemoryLimitBytes { get; init; } = 16 * 1024 * 1024;
    public int ScriptRecursionLimit { get; init; } = 64;
    public int ScriptMaxStatements { get; init; } = 1_000_000;

    /// <summary>Guards against a model that loops forever without a wait state (e.g. a gateway cycle with no task).</summary>
    public int MaxStepsPerCommand { get; init; } = 100_000;

    /// <summary>A timer cycle repeating more often than this is refused: at validation and deployment, and as an incident when an expression gives one at run time.</summary>
    public TimeSpan MinimumTimerCycle { get; init; } = TimeSpan.FromMinutes(1);

    public static EngineOptions Default { get; } = new();
}

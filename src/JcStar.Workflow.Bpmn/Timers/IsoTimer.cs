using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Timers;

/// <summary>
/// A parsed ISO 8601 timer value: a duration (P30D, PT1H30M, P1Y2M), a date-time (2026-01-01T09:00:00+09:00)
/// or a repeating interval (R/PT1H, R3/PT10M, R/2026-01-01T00:00:00Z/P1D). Calendar arithmetic
/// (months, years) is done on the offset the value or the start carries.
/// </summary>
public sealed record IsoTimer
{
    public required TimerKind Kind { get; init; }

    /// <summary>Parses <paramref name="text"/> as <paramref name="kind"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(TimerKind kind, string text, out IsoTimer? timer, out string? error)
        => throw new NotImplementedException("BPMN reader: being built");

    /// <summary>
    /// When the timer is due for the (<paramref name="firedCount"/>+1)-th time, counting from
    /// <paramref name="start"/> (when it was armed); null when a cycle has no repetitions left.
    /// </summary>
    public DateTimeOffset? NextDue(DateTimeOffset start, int firedCount)
        => throw new NotImplementedException("BPMN reader: being built");
}

using System.Globalization;
using System.Text.RegularExpressions;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Timers;

/// <summary>
/// A parsed ISO 8601 timer value: a duration (P30D, PT1H30M, P1Y2M), a date-time (2026-01-01T09:00:00+09:00)
/// or a repeating interval (R/PT1H, R3/PT10M, R/2026-01-01T00:00:00Z/P1D). Calendar arithmetic
/// (months, years) is done on the offset the value or the start carries.
/// </summary>
public sealed partial record IsoTimer
{
    public required TimerKind Kind { get; init; }

    /// <summary>The length of a duration timer, or the period of a cycle.</summary>
    public IsoDuration? Duration { get; init; }

    /// <summary>The instant of a date timer.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>How many times a cycle fires in total; null for R/… (unbounded).</summary>
    public int? Repetitions { get; init; }

    /// <summary>The first occurrence of a cycle written with a start (R/start/duration); null when it counts from arming.</summary>
    public DateTimeOffset? CycleStart { get; init; }

    /// <summary>
    /// The shortest time between two firings of a cycle that repeats (null for a date, a duration or a
    /// cycle that fires once); a period in months or years counts as at least 28 days.
    /// </summary>
    public TimeSpan? Period => Kind != TimerKind.Cycle || Duration is null || Repetitions is 0 or 1 ? null
        : Duration.Years > 0 || Duration.Months > 0 ? TimeSpan.FromDays(28) + Duration.Exact
        : Duration.Exact;

    /// <summary>Parses <paramref name="text"/> as <paramref name="kind"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(TimerKind kind, string text, out IsoTimer? timer, out string? error)
    {
        timer = null;
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            error = "the timer value is empty";
            return false;
        }
        if (value.Length > 200)
        {
            error = "the timer value is longer than 200 characters";
            return false;
        }
        switch (kind)
        {
            case TimerKind.Duration:
                if (!IsoDuration.TryParse(value, out var duration, out error))
                    return false;
                timer = new IsoTimer { Kind = kind, Duration = duration };
                return true;
            case TimerKind.Date:
                if (!TryParseDateTime(value, out var date, out error))
                    return false;
                timer = new IsoTimer { Kind = kind, Date = date };
                return true;
            case TimerKind.Cycle:
                return TryParseCycle(value, out timer, out error);
            default:
                error = $"unknown timer kind {kind}";
                return false;
        }
    }

    /// <summary>
    /// When the timer is due for the (<paramref name="firedCount"/>+1)-th time, counting from
    /// <paramref name="start"/> (when it was armed); null when a cycle has no repetitions left.
    /// </summary>
    /// <remarks>
    /// A cycle with its own start fires at CycleStart + k·period (k = 0, 1, …); occurrences before
    /// <paramref name="start"/> were missed while the timer was not armed: they are skipped but still
    /// count against the repetitions, so the schedule is the one the value describes. A cycle without a
    /// start fires at start + k·period (k = 1, 2, …). Each occurrence is computed from the origin, not from
    /// the previous one, so month ends do not drift.
    /// </remarks>
    public DateTimeOffset? NextDue(DateTimeOffset start, int firedCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firedCount);
        switch (Kind)
        {
            case TimerKind.Date:
                return firedCount == 0 ? Date : null;
            case TimerKind.Duration:
                return firedCount == 0 ? Duration!.AddTo(start) : null;
            case TimerKind.Cycle:
                if (CycleStart is not { } origin)
                {
                    var k = (long)firedCount + 1;
                    if (Repetitions is { } n && k > n)
                        return null;
                    return Duration!.AddTo(start, checked((int)k));
                }
                var skipped = FirstOccurrenceAtOrAfter(origin, start);
                var index = (long)skipped + firedCount;
                if (Repetitions is { } total && index >= total)
                    return null;
                return Duration!.AddTo(origin, checked((int)index));
            default:
                return null;
        }
    }

    private int FirstOccurrenceAtOrAfter(DateTimeOffset origin, DateTimeOffset start)
    {
        if (start <= origin)
            return 0;
        // Estimate from the average length of one period, then correct: calendar months vary.
        var approx = Duration!.AddTo(origin) - origin;
        var k = (long)((start - origin).Ticks / Math.Max(1, approx.Ticks));
        k = Math.Clamp(k, 0, int.MaxValue - 2);
        while (k > 0 && Duration.AddTo(origin, (int)k) >= start)
            k--;
        while (Duration.AddTo(origin, (int)k) < start)
            k++;
        return (int)k;
    }

    private static bool TryParseCycle(string value, out IsoTimer? timer, out string? error)
    {
        timer = null;
        if (CronLike().IsMatch(value))
        {
            error = $"'{value}' looks like a cron expression; write a repeating interval instead, e.g. R/2026-01-01T09:00:00+09:00/P1D";
            return false;
        }
        var parts = value.Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] != 'R')
        {
            error = $"'{value}' is not an ISO 8601 repeating interval (R/PT1H, R3/PT10M, R/2026-01-01T00:00:00Z/P1D)";
            return false;
        }
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                error = $"'{parts[0]}' in '{value}' should be R or R followed by a number of repetitions";
                return false;
            }
            repetitions = n;
        }
        IsoDuration? period;
        DateTimeOffset? cycleStart = null;
        if (parts.Length == 2)
        {
            if (!IsoDuration.TryParse(parts[1], out period, out error))
                return false;
        }
        else if (parts[1].StartsWith('P'))
        {
            error = $"'{value}': a cycle written as duration/end is not supported; write R/start/duration";
            return false;
        }
        else
        {
            if (!TryParseDateTime(parts[1], out var from, out error))
                return false;
            cycleStart = from;
            if (parts[2].StartsWith('P'))
            {
                if (!IsoDuration.TryParse(parts[2], out period, out error))
                    return false;
            }
            else
            {
                if (!TryParseDateTime(parts[2], out var to, out error))
                    return false;
                if (to <= from)
                {
                    error = $"'{value}': the end of the interval is not after its start";
                    return false;
                }
                period = new IsoDuration { Exact = to - from };
            }
        }
        if (period!.IsZero)
        {
            error = $"'{value}': a cycle with a zero period would fire without end";
            return false;
        }
        timer = new IsoTimer { Kind = TimerKind.Cycle, Duration = period, Repetitions = repetitions, CycleStart = cycleStart };
        error = null;
        return true;
    }

    private static bool TryParseDateTime(string value, out DateTimeOffset result, out string? error)
    {
        result = default;
        var match = DateTimePattern().Match(value);
        if (!match.Success)
        {
            if (DateWithoutOffset().IsMatch(value))
            {
                error = $"'{value}' has no UTC offset: write Z or an offset such as +09:00, so the instant does not depend on the server's time zone";
                return false;
            }
            error = $"'{value}' is not an ISO 8601 date-time with offset (e.g. 2026-01-01T09:00:00+09:00 or 2026-01-01T00:00:00Z)";
            return false;
        }
        int Int(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Int("y"), Int("mo"), Int("d"), Int("h"), Int("mi"), Int("s"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month is >= 1 and <= 12 ? month : 1)
            || hour > 23 || minute > 59 || second > 59)
        {
            error = $"'{value}' is not a date and time that exists";
            return false;
        }
        var offset = TimeSpan.Zero;
        var zone = match.Groups["z"].Value;
        if (zone != "Z")
        {
            var sign = zone[0] == '-' ? -1 : 1;
            var digits = zone[1..].Replace(":", "");
            var oh = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var om = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
            if (oh > 14 || om > 59 || (oh == 14 && om > 0))
            {
                error = $"'{value}' has an offset outside -14:00..+14:00";
                return false;
            }
            offset = sign * new TimeSpan(oh, om, 0);
        }
        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value.PadRight(7, '0')[..7] : "0";
        try
        {
            result = new DateTimeOffset(year, month, day, hour, minute, second, offset)
                .AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
        }
        catch (ArgumentOutOfRangeException)
        {
            error = $"'{value}' is outside the supported range of dates";
            return false;
        }
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?(?<z>Z|[+-]\d{2}(?::?\d{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateWithoutOffset();

    [GeneratedRegex(@"^\S+(\s+\S+){4,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CronLike();
}

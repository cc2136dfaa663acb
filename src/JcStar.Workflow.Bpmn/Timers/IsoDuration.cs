using System.Globalization;
using System.Text.RegularExpressions;

namespace JcStar.Workflow.Bpmn.Timers;

/// <summary>
/// An ISO 8601 duration such as P1Y2M3DT4H5M6.5S or P2W. Years and months are calendar units
/// (added with month-end clamping); weeks, days and the time part are exact lengths, because a
/// <see cref="DateTimeOffset"/> carries a fixed offset and so has no daylight-saving days.
/// </summary>
public sealed partial record IsoDuration
{
    public int Years { get; init; }
    public int Months { get; init; }

    /// <summary>Weeks, days, hours, minutes and seconds together as one exact length.</summary>
    public TimeSpan Exact { get; init; }

    public bool IsZero => Years == 0 && Months == 0 && Exact == TimeSpan.Zero;

    /// <summary>Adds the duration <paramref name="times"/> times in one step, so that Jan 31 + 2×P1M is Mar 31, not Mar 28.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start, int times = 1)
    {
        var totalMonths = ((long)Years * 12 + Months) * times;
        if (totalMonths > 120_000)
            throw new ArgumentOutOfRangeException(nameof(times), "the date would leave the calendar");
        var result = start.AddMonths((int)totalMonths);
        var ticks = checked(Exact.Ticks * times);
        return result.AddTicks(ticks);
    }

    public static bool TryParse(string text, out IsoDuration? duration, out string? error)
    {
        duration = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not an ISO 8601 duration (e.g. P30D, PT1H30M, P1Y2M3DT4H5M6.5S, P2W)";
            return false;
        }
        var parts = new[] { "y", "mo", "w", "d", "h", "mi", "s" }.Select(n => match.Groups[n]).ToArray();
        if (parts.All(g => !g.Success))
        {
            error = $"'{text}' has no components: a duration needs at least one number, e.g. PT0S";
            return false;
        }
        if (match.Groups["t"].Success && !parts[4].Success && !parts[5].Success && !parts[6].Success)
        {
            error = $"'{text}' has a 'T' with no hours, minutes or seconds after it";
            return false;
        }
        var last = Array.FindLastIndex(parts, g => g.Success);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Success && HasFraction(parts[i].Value) && i != last)
            {
                error = $"'{text}': only the last component may have a fraction";
                return false;
            }
        }
        if (HasFraction(parts[0].Value) || HasFraction(parts[1].Value))
        {
            error = $"'{text}': years and months must be whole numbers (a fraction of a month has no fixed length)";
            return false;
        }
        try
        {
            var years = parts[0].Success ? int.Parse(parts[0].Value, CultureInfo.InvariantCulture) : 0;
            var months = parts[1].Success ? int.Parse(parts[1].Value, CultureInfo.InvariantCulture) : 0;
            var exact = TimeSpan.FromTicks(checked(
                Ticks(parts[2], TimeSpan.TicksPerDay * 7) + Ticks(parts[3], TimeSpan.TicksPerDay) +
                Ticks(parts[4], TimeSpan.TicksPerHour) + Ticks(parts[5], TimeSpan.TicksPerMinute) +
                Ticks(parts[6], TimeSpan.TicksPerSecond)));
            if (years > 10_000 || months > 120_000 || exact > TimeSpan.FromDays(3_660_000))
            {
                error = $"'{text}' is longer than any date can reach";
                return false;
            }
            duration = new IsoDuration { Years = years, Months = months, Exact = exact };
            error = null;
            return true;
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            error = $"'{text}' is longer than any date can reach";
            return false;
        }
    }

    private static bool HasFraction(string value) => value.Contains('.') || value.Contains(',');

    private static long Ticks(Group group, long unit)
    {
        if (!group.Success)
            return 0;
        var value = decimal.Parse(group.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return checked((long)decimal.Round(value * unit));
    }

    public override string ToString()
    {
        var text = "P";
        if (Years != 0) text += $"{Years}Y";
        if (Months != 0) text += $"{Months}M";
        var rest = Exact;
        if (rest.Days != 0) text += $"{rest.Days}D";
        var time = "";
        if (rest.Hours != 0) time += $"{rest.Hours}H";
        if (rest.Minutes != 0) time += $"{rest.Minutes}M";
        var seconds = rest.Seconds + (rest.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond;
        if (seconds != 0) time += seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "S";
        if (time.Length > 0) text += "T" + time;
        return text == "P" ? "PT0S" : text;
    }

    // Digits are capped so that no single component can overflow before the range check.
    [GeneratedRegex(@"^P(?:(?<y>\d{1,9}(?:[.,]\d{1,9})?)Y)?(?:(?<mo>\d{1,9}(?:[.,]\d{1,9})?)M)?(?:(?<w>\d{1,9}(?:[.,]\d{1,9})?)W)?(?:(?<d>\d{1,9}(?:[.,]\d{1,9})?)D)?(?<t>T(?:(?<h>\d{1,9}(?:[.,]\d{1,9})?)H)?(?:(?<mi>\d{1,9}(?:[.,]\d{1,9})?)M)?(?:(?<s>\d{1,9}(?:[.,]\d{1,9})?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

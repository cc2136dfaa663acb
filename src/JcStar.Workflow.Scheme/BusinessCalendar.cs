namespace JcStar.Workflow.Scheme;

/// <summary>
/// Business days for deadlines such as "acknowledge within 10 business days": Saturdays, Sundays and
/// the configured holidays (national holidays, the year-end closure) are not business days.
/// </summary>
public sealed class BusinessCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The day <paramref name="businessDays"/> business days after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly AddBusinessDays(DateOnly from, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var day = from;
        for (var left = businessDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
                left--;
        }
        return day;
    }
}

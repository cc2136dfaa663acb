using System.Collections.Concurrent;
using System.Globalization;

namespace JcStar.Workflow.Scheme.Calendar;

/// <summary>
/// The office's open days: not Saturdays or Sundays, not national holidays (the Cabinet Office's file where it
/// covers the year, the Act's rules elsewhere), not the year-end closure, not the configured closed days.
/// A deadline that falls on a closed day moves to the next open day (行政機関の休日に関する法律 第2条).
/// </summary>
public sealed class BusinessCalendar
{
    private readonly IReadOnlyDictionary<DateOnly, string> published;
    private readonly HashSet<int> publishedYears;
    private readonly HashSet<DateOnly> closedDays;
    private readonly (int Month, int Day) closureFrom;
    private readonly (int Month, int Day) closureTo;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> computed = new();

    public BusinessCalendar(CalendarOptions options, IReadOnlyDictionary<DateOnly, string>? publishedHolidays = null)
    {
        published = publishedHolidays ?? new Dictionary<DateOnly, string>();
        publishedYears = [.. published.Keys.Select(d => d.Year)];
        closedDays = [.. options.ClosedDays];
        closureFrom = MonthDay(options.YearEndClosureFrom, nameof(options.YearEndClosureFrom));
        closureTo = MonthDay(options.YearEndClosureTo, nameof(options.YearEndClosureTo));
    }

    /// <summary>Only weekends and the given days closed: no national holidays, no year-end closure.</summary>
    public BusinessCalendar(IEnumerable<DateOnly> closed)
        : this(new CalendarOptions { YearEndClosureFrom = "", YearEndClosureTo = "", ClosedDays = [.. closed] }, null)
    {
        rulesForUncoveredYears = false;
    }

    private readonly bool rulesForUncoveredYears = true;

    /// <summary>
    /// The calendar the settings describe, reading the holiday file at <see cref="CalendarOptions.HolidaysFile"/>
    /// (relative to <paramref name="baseDirectory"/>). A file configured elsewhere than the default must exist.
    /// </summary>
    public static BusinessCalendar Load(CalendarOptions options, string? baseDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(options.HolidaysFile))
            return new BusinessCalendar(options);
        var path = Path.GetFullPath(options.HolidaysFile, baseDirectory ?? Directory.GetCurrentDirectory());
        if (!File.Exists(path))
        {
            if (options.HolidaysFile == CalendarOptions.DefaultHolidaysFile)
                return new BusinessCalendar(options);
            throw new FileNotFoundException($"setting Scheme:Calendar:HolidaysFile: {path} does not exist", path);
        }
        return new BusinessCalendar(options, CabinetOfficeHolidayFile.Read(path));
    }

    /// <summary>The name of the national holiday on <paramref name="day"/>, or null.</summary>
    public string? HolidayName(DateOnly day)
    {
        if (publishedYears.Contains(day.Year))
            return published.TryGetValue(day, out var name) ? name : null;
        if (!rulesForUncoveredYears)
            return null;
        return computed.GetOrAdd(day.Year, JapaneseHolidayRules.For).TryGetValue(day, out var ruled) ? ruled : null;
    }

    public bool IsYearEndClosure(DateOnly day)
    {
        if (closureFrom.Month == 0)
            return false;
        var md = (day.Month, day.Day);
        return closureFrom.CompareTo(closureTo) <= 0
            ? md.CompareTo(closureFrom) >= 0 && md.CompareTo(closureTo) <= 0
            : md.CompareTo(closureFrom) >= 0 || md.CompareTo(closureTo) <= 0;
    }

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !closedDays.Contains(day) && !IsYearEndClosure(day) && HolidayName(day) is null;

    /// <summary><paramref name="day"/> itself when the office is open, else the next open day.</summary>
    public DateOnly NextBusinessDay(DateOnly day)
    {
        while (!IsBusinessDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>A deadline of <paramref name="days"/> calendar days from <paramref name="from"/>, moved off a closed day.</summary>
    public DateOnly Deadline(DateOnly from, int days) => NextBusinessDay(from.AddDays(days));

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

    private static (int, int) MonthDay(string value, string setting)
    {
        if (string.IsNullOrEmpty(value))
            return (0, 0);
        return DateOnly.TryParseExact("2000-" + value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d.Month, d.Day)
            : throw new FormatException($"setting Scheme:Calendar:{setting} is '{value}'; expected MM-dd, e.g. 12-29");
    }
}

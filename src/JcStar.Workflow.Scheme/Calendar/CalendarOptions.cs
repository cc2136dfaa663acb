namespace JcStar.Workflow.Scheme.Calendar;

/// <summary>
/// Which days the office is closed (section "Scheme:Calendar"). Deadlines that fall on a closed day move to the
/// next open day (行政機関の休日に関する法律 第2条).
/// </summary>
public sealed record CalendarOptions
{
    /// <summary>
    /// Japan's national holidays in the Cabinet Office's CSV format (内閣府「国民の祝日」syukujitsu.csv: a header, then
    /// <c>yyyy/M/d,名称</c> per line; Shift_JIS or UTF-8). Replace the file when the Cabinet Office publishes a new one.
    /// Years the file does not cover are computed by the Act on National Holidays as it stands. Relative paths resolve
    /// against the working directory; a missing file at the default path means rules only.
    /// </summary>
    public string? HolidaysFile { get; init; } = DefaultHolidaysFile;

    public const string DefaultHolidaysFile = "workflows/calendar/syukujitsu.csv";

    /// <summary>The year-end closure (行政機関の休日): from this month-day to that month-day of the next year, both included ("MM-dd").</summary>
    public string YearEndClosureFrom { get; init; } = "12-29";

    public string YearEndClosureTo { get; init; } = "01-03";

    /// <summary>Further days the office is closed (ISO dates), e.g. a relocation.</summary>
    public DateOnly[] ClosedDays { get; init; } = [];
}

using JcStar.Workflow.Runtime;
using JcStar.Workflow.Scheme;

namespace JcStar.Workflow.Server.Web;

/// <summary>Dates on the pages are the scheme's local dates (Japan time by default, Scheme:TimeZone).</summary>
public sealed class WebClock(TimeProvider time, SchemeOptions scheme)
{
    private readonly TimeZoneInfo zone = TimeZones.Find(scheme.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    public string Format(DateTimeOffset? at) => at is { } a ? Local(a).ToString("yyyy-MM-dd HH:mm") : "—";

    public string Date(DateTimeOffset? at) => at is { } a ? Local(a).ToString("yyyy-MM-dd") : "—";

    /// <summary>The start of the local day <paramref name="days"/> from today, as a moment.</summary>
    public DateTimeOffset DayStart(int days = 0)
    {
        var local = Local(Now).Date.AddDays(days);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The start of next week (Monday), local.</summary>
    public DateTimeOffset NextWeekStart()
    {
        var today = Local(Now).Date;
        var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return DayStart(untilMonday == 0 ? 7 : untilMonday);
    }
}

using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Timers;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Timers;

public sealed class IsoTimerTests
{
    private static readonly DateTimeOffset Armed = new(2026, 1, 31, 9, 0, 0, TimeSpan.FromHours(9));

    private static IsoTimer Parse(TimerKind kind, string text)
    {
        Assert.True(IsoTimer.TryParse(kind, text, out var timer, out var error), error);
        Assert.Null(error);
        return timer!;
    }

    private static string Refuse(TimerKind kind, string text)
    {
        Assert.False(IsoTimer.TryParse(kind, text, out var timer, out var error));
        Assert.Null(timer);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    [Fact]
    public void A_full_duration_with_fractional_seconds_has_every_component()
    {
        var timer = Parse(TimerKind.Duration, "P1Y2M3DT4H5M6.5S");
        Assert.Equal(1, timer.Duration!.Years);
        Assert.Equal(2, timer.Duration.Months);
        Assert.Equal(new TimeSpan(3, 4, 5, 6, 500), timer.Duration.Exact);
    }

    [Theory]
    [InlineData("P2W", 14 * 24 * 60)]
    [InlineData("PT1H30M", 90)]
    [InlineData("P30D", 30 * 24 * 60)]
    [InlineData("PT0.5M", 0.5)]
    [InlineData("PT1,5H", 90)]
    [InlineData("P1W2D", 9 * 24 * 60)]
    [InlineData("  PT10M\n", 10)]
    [InlineData("PT0S", 0)]
    public void Exact_durations_have_their_length_in_minutes(string text, double minutes)
    {
        var timer = Parse(TimerKind.Duration, text);
        Assert.Equal(TimeSpan.FromMinutes(minutes), timer.Duration!.Exact);
        Assert.Equal(0, timer.Duration.Years + timer.Duration.Months);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("1D")]
    [InlineData("P-1D")]
    [InlineData("PT1S1M")]
    [InlineData("P1.5Y")]
    [InlineData("P1.5M")]
    [InlineData("PT1.5H30M")]
    [InlineData("P1d")]
    [InlineData("P999999999Y")]
    [InlineData("${later}")]
    public void Malformed_durations_are_refused_with_a_reason(string text)
    {
        Refuse(TimerKind.Duration, text);
    }

    [Fact]
    public void A_duration_timer_is_due_once_after_arming_with_calendar_months()
    {
        var timer = Parse(TimerKind.Duration, "P1M");
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 0, 0, TimeSpan.FromHours(9)), timer.NextDue(Armed, 0));
        Assert.Null(timer.NextDue(Armed, 1));
    }

    [Fact]
    public void A_year_from_a_leap_day_ends_on_the_last_day_of_february()
    {
        var timer = Parse(TimerKind.Duration, "P1Y");
        var leapDay = new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2029, 2, 28, 0, 0, 0, TimeSpan.Zero), timer.NextDue(leapDay, 0));
    }

    [Fact]
    public void Days_are_exact_lengths_on_the_offset_of_the_start()
    {
        var timer = Parse(TimerKind.Duration, "P1DT12H");
        var start = new DateTimeOffset(2026, 3, 7, 22, 0, 0, TimeSpan.FromHours(-5));
        var due = timer.NextDue(start, 0)!.Value;
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-5)), due);
        Assert.Equal(TimeSpan.FromHours(-5), due.Offset);
    }

    [Theory]
    [InlineData("2026-04-01T09:00:00+09:00", 2026, 4, 1, 0, 0, 0)]
    [InlineData("2026-04-01T00:00:00Z", 2026, 4, 1, 0, 0, 0)]
    [InlineData("2026-04-01T09:00+09:00", 2026, 4, 1, 0, 0, 0)]
    [InlineData("2026-03-31T20:30:00-05:30", 2026, 4, 1, 2, 0, 0)]
    [InlineData("2026-04-01T09:00:00.250+0900", 2026, 4, 1, 0, 0, 250)]
    public void Date_times_with_an_offset_denote_one_instant(string text, int y, int mo, int d, int h, int mi, int ms)
    {
        var timer = Parse(TimerKind.Date, text);
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, 0, ms, TimeSpan.Zero), timer.Date!.Value.ToUniversalTime());
        Assert.Equal(timer.Date, timer.NextDue(Armed, 0));
        Assert.Null(timer.NextDue(Armed, 1));
    }

    [Fact]
    public void A_date_time_keeps_the_offset_it_was_written_with()
    {
        Assert.Equal(TimeSpan.FromHours(9), Parse(TimerKind.Date, "2026-04-01T09:00:00+09:00").Date!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-04-01T09:00:00", "offset")]
    [InlineData("2026-04-01", "offset")]
    [InlineData("2026-02-30T09:00:00Z", "exists")]
    [InlineData("2026-13-01T09:00:00Z", "exists")]
    [InlineData("2026-04-01T24:00:00Z", "exists")]
    [InlineData("2026-04-01T09:00:00+15:00", "offset")]
    [InlineData("tomorrow", "ISO 8601")]
    public void Date_times_that_are_ambiguous_or_impossible_are_refused(string text, string reason)
    {
        Assert.Contains(reason, Refuse(TimerKind.Date, text));
    }

    [Fact]
    public void A_bounded_cycle_without_start_fires_n_times_after_arming()
    {
        var timer = Parse(TimerKind.Cycle, "R3/PT10M");
        Assert.Equal(3, timer.Repetitions);
        Assert.Null(timer.CycleStart);
        Assert.Equal(Armed.AddMinutes(10), timer.NextDue(Armed, 0));
        Assert.Equal(Armed.AddMinutes(20), timer.NextDue(Armed, 1));
        Assert.Equal(Armed.AddMinutes(30), timer.NextDue(Armed, 2));
        Assert.Null(timer.NextDue(Armed, 3));
    }

    [Fact]
    public void An_unbounded_cycle_never_runs_out()
    {
        var timer = Parse(TimerKind.Cycle, "R/P1D");
        Assert.Null(timer.Repetitions);
        Assert.Equal(Armed.AddDays(1000), timer.NextDue(Armed, 999));
    }

    [Fact]
    public void A_monthly_cycle_counts_from_its_origin_so_month_ends_do_not_drift()
    {
        var timer = Parse(TimerKind.Cycle, "R/P1M");
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 0, 0, TimeSpan.FromHours(9)), timer.NextDue(Armed, 0));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.FromHours(9)), timer.NextDue(Armed, 1));
    }

    [Fact]
    public void A_cycle_with_a_start_fires_first_at_that_start()
    {
        var timer = Parse(TimerKind.Cycle, "R2/2026-03-01T00:00:00Z/P1D");
        var armed = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), timer.NextDue(armed, 0));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), timer.NextDue(armed, 1));
        Assert.Null(timer.NextDue(armed, 2));
    }

    [Fact]
    public void A_cycle_armed_after_its_start_skips_missed_occurrences_which_still_count()
    {
        var timer = Parse(TimerKind.Cycle, "R5/2026-01-01T00:00:00Z/P1D");
        var armed = new DateTimeOffset(2026, 1, 3, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 1, 4, 0, 0, 0, TimeSpan.Zero), timer.NextDue(armed, 0));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), timer.NextDue(armed, 1));
        Assert.Null(timer.NextDue(armed, 2));
    }

    [Fact]
    public void An_unbounded_cycle_with_a_start_long_ago_resumes_at_the_next_occurrence()
    {
        var timer = Parse(TimerKind.Cycle, "R/2020-01-31T09:00:00+09:00/P1M");
        Assert.Equal(new DateTimeOffset(2026, 2, 29 - 1, 9, 0, 0, TimeSpan.FromHours(9)), timer.NextDue(Armed.AddSeconds(1), 0));
        Assert.Equal(Armed, timer.NextDue(Armed, 0));
    }

    [Fact]
    public void A_cycle_written_as_start_and_end_repeats_the_interval_length()
    {
        var timer = Parse(TimerKind.Cycle, "R2/2026-01-01T00:00:00Z/2026-01-01T06:00:00Z");
        Assert.Equal(TimeSpan.FromHours(6), timer.Duration!.Exact);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero), timer.NextDue(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), 1));
    }

    [Fact]
    public void Zero_repetitions_never_fire()
    {
        Assert.Null(Parse(TimerKind.Cycle, "R0/PT1H").NextDue(Armed, 0));
    }

    [Theory]
    [InlineData("PT1H", "repeating interval")]
    [InlineData("R", "repeating interval")]
    [InlineData("Rx/PT1H", "number of repetitions")]
    [InlineData("R-1/PT1H", "number of repetitions")]
    [InlineData("R/PT0S", "zero period")]
    [InlineData("R/P1D/2026-01-01T00:00:00Z", "duration/end")]
    [InlineData("R/2026-01-02T00:00:00Z/2026-01-01T00:00:00Z", "not after")]
    [InlineData("R/2026-01-01T00:00:00/P1D", "offset")]
    [InlineData("0 0 9 * * ?", "cron")]
    [InlineData("R/PT1H/PT1H/PT1H", "repeating interval")]
    public void Malformed_cycles_are_refused_with_a_reason(string text, string reason)
    {
        Assert.Contains(reason, Refuse(TimerKind.Cycle, text));
    }

    [Fact]
    public void A_duration_is_not_accepted_where_a_date_is_expected()
    {
        Refuse(TimerKind.Date, "P1D");
    }

    [Fact]
    public void Negative_fire_counts_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Parse(TimerKind.Duration, "P1D").NextDue(Armed, -1));
    }

    [Fact]
    public void Durations_print_back_in_ISO_form()
    {
        Assert.Equal("P1Y2M3DT4H5M6.5S", Parse(TimerKind.Duration, "P1Y2M3DT4H5M6.5S").Duration!.ToString());
        Assert.Equal("PT0S", Parse(TimerKind.Duration, "PT0S").Duration!.ToString());
    }
}

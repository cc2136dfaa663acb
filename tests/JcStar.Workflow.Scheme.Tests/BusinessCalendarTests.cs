using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Calendar;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly string RepositoryFile = RepositoryPaths.InRepo("workflows", "calendar", "syukujitsu.csv");

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void The_rules_give_the_national_holidays_the_Cabinet_Office_published_for_2026()
    {
        // 内閣府「令和8年（2026年）国民の祝日」as published.
        DateOnly[] published =
        [
            D(2026, 1, 1), D(2026, 1, 12), D(2026, 2, 11), D(2026, 2, 23), D(2026, 3, 20), D(2026, 4, 29), D(2026, 5, 3),
            D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 6), D(2026, 7, 20), D(2026, 8, 11), D(2026, 9, 21), D(2026, 9, 22),
            D(2026, 9, 23), D(2026, 10, 12), D(2026, 11, 3), D(2026, 11, 23),
        ];
        Assert.Equal(published, JapaneseHolidayRules.For(2026).Keys);
        Assert.Equal("休日", JapaneseHolidayRules.For(2026)[D(2026, 9, 22)]);
    }

    /// <summary>
    /// The days set by their own acts, not by 国民の祝日に関する法律's rules: (date, name in the file or null when the
    /// rule's holiday did not happen that year). Only these may differ between the rules and the Cabinet Office's file.
    /// </summary>
    private static readonly (DateOnly Day, string? Published)[] SpecialDays =
    [
        (D(1959, 4, 10), "結婚の儀"), (D(1989, 2, 24), "大喪の礼"), (D(1990, 11, 12), "即位礼正殿の儀"), (D(1993, 6, 9), "結婚の儀"),
        (D(2019, 4, 30), "休日"), (D(2019, 5, 1), "休日（祝日扱い）"), (D(2019, 5, 2), "休日"), (D(2019, 10, 22), "休日（祝日扱い）"),
        (D(2019, 10, 14), "体育の日（スポーツの日）"),
        // Tokyo 2020 (東京オリンピック・パラリンピック競技大会特別措置法): 海の日, スポーツの日 and 山の日 moved in 2020 and 2021.
        (D(2020, 7, 20), null), (D(2020, 7, 23), "海の日"), (D(2020, 7, 24), "スポーツの日"), (D(2020, 8, 10), "山の日"), (D(2020, 8, 11), null), (D(2020, 10, 12), null),
        (D(2021, 7, 19), null), (D(2021, 7, 22), "海の日"), (D(2021, 7, 23), "スポーツの日"), (D(2021, 8, 8), "山の日"), (D(2021, 8, 9), "休日"), (D(2021, 8, 11), null), (D(2021, 10, 11), null),
    ];

    [Fact]
    public void The_repository_holiday_file_is_the_Cabinet_Office_list_in_its_Shift_JIS_format()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = File.ReadAllBytes(RepositoryFile);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        var lines = Encoding.GetEncoding("shift_jis").GetString(bytes).Split("\r\n");
        Assert.Equal("国民の祝日・休日月日,国民の祝日・休日名称", lines[0]);
        Assert.Equal("1955/1/1,元日", lines[1]);
        Assert.Contains("2019/5/1,休日（祝日扱い）", lines);
        Assert.Contains("2021/7/23,スポーツの日", lines);
        var file = CabinetOfficeHolidayFile.Read(RepositoryFile);
        Assert.Equal(1955, file.Keys.Min().Year);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryFile)!, "README.md")), "the file's source is stated beside it");
    }

    [Fact]
    public void The_rules_and_the_Cabinet_Office_file_agree_on_every_day_of_every_year_it_covers_but_the_special_days()
    {
        var file = CabinetOfficeHolidayFile.Read(RepositoryFile);
        var differences = new List<(DateOnly, string?)>();
        foreach (var year in file.Keys.Select(d => d.Year).Distinct())
        {
            var ruled = JapaneseHolidayRules.For(year);
            foreach (var day in ruled.Keys.Union(file.Keys.Where(d => d.Year == year)).Order())
            {
                var published = file.GetValueOrDefault(day);
                if (ruled.GetValueOrDefault(day) != published)
                    differences.Add((day, published));
            }
        }
        Assert.Equal(SpecialDays.OrderBy(s => s.Day), differences);
    }

    [Fact]
    public void A_Shift_JIS_file_as_the_Cabinet_Office_publishes_it_wins_over_the_rules_for_the_years_it_covers()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "国民の祝日・休日月日,国民の祝日・休日名称\r\n2020/1/1,元日\r\n2020/7/23,海の日\r\n2020/7/24,スポーツの日\r\n2020/8/10,山の日\r\n";
        var holidays = CabinetOfficeHolidayFile.Parse(Encoding.GetEncoding("shift_jis").GetBytes(csv), "syukujitsu.csv");
        var calendar = new BusinessCalendar(new CalendarOptions(), holidays);
        Assert.Equal("スポーツの日", calendar.HolidayName(D(2020, 7, 24)));
        Assert.True(calendar.IsBusinessDay(D(2020, 10, 12))); // the rule's スポーツの日 moved that year
        Assert.Equal("海の日", calendar.HolidayName(D(2027, 7, 19))); // 2027 is not in the file: by rule
    }

    [Fact]
    public void A_bad_line_in_the_holiday_file_is_an_error_naming_the_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => CabinetOfficeHolidayFile.Parse(Encoding.UTF8.GetBytes("国民の祝日・休日月日,国民の祝日・休日名称\n2026/1/1,元日\n1月12日,成人の日\n"), "holidays.csv"));
        Assert.StartsWith("holidays.csv:3:", e.Message);
    }

    [Fact]
    public void A_deadline_in_Golden_Week_moves_to_the_first_open_day_after_it()
    {
        var calendar = new BusinessCalendar(new CalendarOptions());
        // 30 days from 4 April 2026 is Monday 4 May (みどりの日); 5 and 6 May are holidays too.
        Assert.Equal(D(2026, 5, 7), calendar.Deadline(D(2026, 4, 4), 30));
    }

    [Fact]
    public void A_deadline_in_the_year_end_closure_moves_to_the_first_open_day_of_January()
    {
        var calendar = new BusinessCalendar(new CalendarOptions());
        Assert.Equal(D(2027, 1, 4), calendar.Deadline(D(2026, 11, 30), 30)); // 30 December
        Assert.False(calendar.IsBusinessDay(D(2026, 12, 29)));
        Assert.True(calendar.IsBusinessDay(D(2026, 12, 28)));
    }

    [Fact]
    public void Closed_days_from_the_settings_are_not_business_days()
    {
        var calendar = new BusinessCalendar(new CalendarOptions { ClosedDays = [D(2026, 6, 15)] });
        Assert.Equal(D(2026, 6, 16), calendar.Deadline(D(2026, 6, 1), 14));
    }

    [Fact]
    public void A_configured_holiday_file_that_does_not_exist_is_an_error_naming_the_setting()
    {
        var e = Assert.Throws<FileNotFoundException>(() => BusinessCalendar.Load(new CalendarOptions { HolidaysFile = "no/such/holidays.csv" }, Path.GetTempPath()));
        Assert.Contains("Scheme:Calendar:HolidaysFile", e.Message);
    }

    [Fact]
    public async Task The_deadline_activity_gives_the_date_for_letters_and_the_end_of_that_day_for_timers()
    {
        var scheme = SchemeServices.InMemory(new SchemeOptions { CorrectionDeadlineDays = 30 });
        var handler = SchemeActivities.All(scheme).Single(h => h.Name == "scheme.set-deadline");
        var inputs = ImmutableDictionary<string, JsonElement>.Empty.Add("deadline", JsonSerializer.SerializeToElement("correction"));
        // 2026-11-30 in Japan; 30 days later is 30 December, in the closure.
        var context = new ActivityContext("inst-1", "A-1", "SelfDeclarationApplication", "def-1", "SetCorrectionDeadline", "job-1", 1, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        var result = await handler.ExecuteAsync(inputs, context, TestContext.Current.CancellationToken);
        Assert.Equal("2027-01-04", result.Outputs["correctionDueOn"].GetString());
        Assert.Equal("2027-01-05T00:00:00+09:00", result.Outputs["correctionDueAt"].GetString());
    }

    [Fact]
    public async Task An_unknown_deadline_name_is_an_error_listing_the_known_ones()
    {
        var scheme = SchemeServices.InMemory();
        var handler = SchemeActivities.All(scheme).Single(h => h.Name == "scheme.set-deadline");
        var inputs = ImmutableDictionary<string, JsonElement>.Empty.Add("deadline", JsonSerializer.SerializeToElement("lunch"));
        var context = new ActivityContext("inst-1", "A-1", "P", "def-1", "E", "job-1", 1, DateTimeOffset.UnixEpoch);
        var e = await Assert.ThrowsAsync<ActivityInputException>(() => handler.ExecuteAsync(inputs, context, TestContext.Current.CancellationToken));
        Assert.Contains("'lunch'", e.Message);
        Assert.Contains("correction", e.Message);
    }
}

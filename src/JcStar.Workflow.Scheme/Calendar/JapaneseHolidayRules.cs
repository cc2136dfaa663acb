namespace JcStar.Workflow.Scheme.Calendar;

/// <summary>
/// Japan's national holidays computed by 国民の祝日に関する法律 (1948) with its amendments as each applied in its
/// year: 建国記念の日 from 1967, 敬老の日 and 体育の日 from 1966, 振替休日 from 12 April 1973 (the next day; from 2007 the
/// nearest following non-holiday), the day between two holidays from 1986, 天皇誕生日 on 29 April until 1988, on
/// 23 December 1989–2018, none in 2019 and on 23 February from 2020, みどりの日/昭和の日, the Happy Monday moves of
/// 2000 and 2003, 海の日 from 1996, 山の日 from 2016, スポーツの日 from 2020. The equinoxes follow the usual
/// approximations (1900–1979 and 1980–2099), which the Cabinet Office's announcement confirms each February.
/// One-off days set by their own acts (the 1959 and 1993 weddings, 1989's funeral, the 1990 and 2019 enthronement
/// days) and the 2020/2021 Olympic moves are not rules: they come from the Cabinet Office's file, which covers those
/// years. A test checks that these rules and the file agree on every other day of every year the file covers.
/// </summary>
public static class JapaneseHolidayRules
{
    public const string SubstituteHolidayName = "休日";

    private static readonly DateOnly SubstituteHolidaysFrom = new(1973, 4, 12);

    public static IReadOnlyDictionary<DateOnly, string> For(int year)
    {
        var fixedDays = new SortedDictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "元日",
            [year < 2000 ? new(year, 1, 15) : NthMonday(year, 1, 2)] = "成人の日",
            [new(year, 3, VernalEquinoxDay(year))] = "春分の日",
            [new(year, 4, 29)] = year <= 1988 ? "天皇誕生日" : year <= 2006 ? "みどりの日" : "昭和の日",
            [new(year, 5, 3)] = "憲法記念日",
            [new(year, 5, 5)] = "こどもの日",
            [new(year, 9, AutumnalEquinoxDay(year))] = "秋分の日",
            [new(year, 11, 3)] = "文化の日",
            [new(year, 11, 23)] = "勤労感謝の日",
        };
        if (year >= 1967)
            fixedDays[new(year, 2, 11)] = "建国記念の日";
        if (year >= 2020)
            fixedDays[new(year, 2, 23)] = "天皇誕生日";
        if (year is >= 1989 and <= 2018)
            fixedDays[new(year, 12, 23)] = "天皇誕生日";
        if (year >= 2007)
            fixedDays[new(year, 5, 4)] = "みどりの日";
        if (year is >= 1996 and <= 2002)
            fixedDays[new(year, 7, 20)] = "海の日";
        else if (year >= 2003)
            fixedDays[NthMonday(year, 7, 3)] = "海の日";
        if (year >= 2016)
            fixedDays[new(year, 8, 11)] = "山の日";
        if (year is >= 1966 and <= 2002)
            fixedDays[new(year, 9, 15)] = "敬老の日";
        else if (year >= 2003)
            fixedDays[NthMonday(year, 9, 3)] = "敬老の日";
        if (year is >= 1966 and <= 1999)
            fixedDays[new(year, 10, 10)] = "体育の日";
        else if (year >= 2000)
            fixedDays[NthMonday(year, 10, 2)] = year < 2020 ? "体育の日" : "スポーツの日";

        var all = new SortedDictionary<DateOnly, string>(fixedDays);
        // Art. 3(2): a holiday on a Sunday makes the next day a holiday (1973–2006: only the Monday; from 2007:
        // the nearest following day that is not a holiday).
        foreach (var day in fixedDays.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday && d >= SubstituteHolidaysFrom))
        {
            var next = day.AddDays(1);
            if (year >= 2007)
            {
                while (all.ContainsKey(next))
                    next = next.AddDays(1);
            }
            else if (all.ContainsKey(next))
            {
                continue;
            }
            all[next] = SubstituteHolidayName;
        }
        // Art. 3(3), from 1986: a day between two holidays (not itself a holiday; until 2006 not a Sunday) is a holiday.
        if (year >= 1986)
        {
            foreach (var day in fixedDays.Keys)
            {
                var between = day.AddDays(1);
                if (!all.ContainsKey(between) && fixedDays.ContainsKey(between.AddDays(1)) && between.Year == year
                    && (year >= 2007 || between.DayOfWeek != DayOfWeek.Sunday))
                    all[between] = SubstituteHolidayName;
            }
        }
        return all;
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    // (int) truncates toward zero, as the published approximations do (for years before 1983 the correction is negative).
    private static int VernalEquinoxDay(int year) => year < 1980
        ? (int)(20.8357 + 0.242194 * (year - 1980)) - (year - 1983) / 4
        : (int)(20.8431 + 0.242194 * (year - 1980)) - (year - 1980) / 4;

    private static int AutumnalEquinoxDay(int year) => year < 1980
        ? (int)(23.2588 + 0.242194 * (year - 1980)) - (year - 1983) / 4
        : (int)(23.2488 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
}

namespace JcStar.Workflow.Scheme.Calendar;

/// <summary>
/// Japan's national holidays computed by 国民の祝日に関する法律 as amended in 2018 (天皇誕生日 on 23 February from 2020,
/// スポーツの日): for years the Cabinet Office's file does not cover. The equinoxes follow the usual approximation
/// (valid 1980–2099), which is what the Cabinet Office's own announcement confirms each February.
/// Special one-year moves (2019's enthronement, the 2020/2021 Olympic moves) are not rules: they come from the file.
/// </summary>
public static class JapaneseHolidayRules
{
    public const string SubstituteHolidayName = "休日";

    public static IReadOnlyDictionary<DateOnly, string> For(int year)
    {
        var fixedDays = new SortedDictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "元日",
            [NthMonday(year, 1, 2)] = "成人の日",
            [new(year, 2, 11)] = "建国記念の日",
            [new(year, 2, 23)] = "天皇誕生日",
            [new(year, 3, VernalEquinoxDay(year))] = "春分の日",
            [new(year, 4, 29)] = "昭和の日",
            [new(year, 5, 3)] = "憲法記念日",
            [new(year, 5, 4)] = "みどりの日",
            [new(year, 5, 5)] = "こどもの日",
            [NthMonday(year, 7, 3)] = "海の日",
            [new(year, 8, 11)] = "山の日",
            [NthMonday(year, 9, 3)] = "敬老の日",
            [new(year, 9, AutumnalEquinoxDay(year))] = "秋分の日",
            [NthMonday(year, 10, 2)] = "スポーツの日",
            [new(year, 11, 3)] = "文化の日",
            [new(year, 11, 23)] = "勤労感謝の日",
        };
        var all = new SortedDictionary<DateOnly, string>(fixedDays);
        // Art. 3(2): a holiday on a Sunday makes the nearest following non-holiday a holiday.
        foreach (var day in fixedDays.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            var next = day.AddDays(1);
            while (all.ContainsKey(next))
                next = next.AddDays(1);
            all[next] = SubstituteHolidayName;
        }
        // Art. 3(3): a day between two holidays (not itself a holiday) is a holiday.
        foreach (var day in fixedDays.Keys)
        {
            var between = day.AddDays(1);
            if (!all.ContainsKey(between) && fixedDays.ContainsKey(between.AddDays(1)) && between.Year == year)
                all[between] = SubstituteHolidayName;
        }
        return all;
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static int VernalEquinoxDay(int year) => (int)(20.8431 + 0.242194 * (year - 1980)) - (year - 1980) / 4;

    private static int AutumnalEquinoxDay(int year) => (int)(23.2488 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
}

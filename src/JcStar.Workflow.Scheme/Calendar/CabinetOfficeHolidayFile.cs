using System.Globalization;
using System.Text;

namespace JcStar.Workflow.Scheme.Calendar;

/// <summary>
/// Reads the Cabinet Office's list of national holidays (syukujitsu.csv): a header line, then <c>yyyy/M/d,名称</c>.
/// The published file is Shift_JIS; a UTF-8 copy (with or without BOM) reads too. A bad line is an error naming
/// the file and the line.
/// </summary>
public static class CabinetOfficeHolidayFile
{
    public static IReadOnlyDictionary<DateOnly, string> Read(string path) => Parse(File.ReadAllBytes(path), path);

    public static IReadOnlyDictionary<DateOnly, string> Parse(byte[] bytes, string source)
    {
        var text = Decode(bytes);
        var holidays = new SortedDictionary<DateOnly, string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimEnd('\r');
            if (line.Length == 0)
                continue;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var date = comma < 0 ? line : line[..comma];
            if (i == 0 && !char.IsAsciiDigit(date.FirstOrDefault()))
                continue; // the header: 国民の祝日・休日月日,国民の祝日・休日名称
            if (comma < 0 || !DateOnly.TryParseExact(date.Trim(), ["yyyy/M/d", "yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new FormatException($"{source}:{i + 1}: '{line}' is not 'yyyy/M/d,名称' (the Cabinet Office's syukujitsu.csv format)");
            holidays[day] = line[(comma + 1)..].Trim().Trim('"');
        }
        if (holidays.Count == 0)
            throw new FormatException($"{source}: no holidays; expected lines 'yyyy/M/d,名称' (the Cabinet Office's syukujitsu.csv format)");
        return holidays;
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("shift_jis").GetString(bytes);
        }
    }
}

using System.Text;

namespace JcStar.Workflow.Scheme.Records;

/// <summary>
/// CSV as a spreadsheet on a Japanese desktop opens it: UTF-8 with a byte order mark (without it Excel reads
/// Shift_JIS and garbles every name), CRLF line ends, fields quoted when they hold a comma, quote or line break.
/// </summary>
public static class RegisterCsv
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
            Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            var field = fields[i] ?? "";
            if (field.IndexOfAny([',', '"', '\r', '\n']) >= 0)
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else
                text.Append(field);
        }
        text.Append("\r\n");
    }
}

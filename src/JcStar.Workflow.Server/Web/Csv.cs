namespace JcStar.Workflow.Server.Web;

/// <summary>RFC 4180 lines; a cell that a spreadsheet would run as a formula is prefixed with a quote mark.</summary>
public static class Csv
{
    public static string Line(params string?[] cells) => string.Join(",", cells.Select(Cell));

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}

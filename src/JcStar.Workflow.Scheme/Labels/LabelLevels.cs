namespace JcStar.Workflow.Scheme.Labels;

public static class LabelLevels
{
    public static bool IsSelfDeclared(this LabelLevel level) => level is LabelLevel.Star1 or LabelLevel.Star2;

    public static int Stars(this LabelLevel level) => (int)level;

    /// <summary>"★1" … "★4", as on letters and the registry.</summary>
    public static string Display(this LabelLevel level) => "★" + (int)level;

    /// <summary>Accepts Star1, star1, ★1, 1.</summary>
    public static LabelLevel Parse(string text)
    {
        var t = text.Trim().TrimStart('★');
        if (t.StartsWith("star", StringComparison.OrdinalIgnoreCase))
            t = t[4..];
        if (int.TryParse(t, out var n) && n is >= 1 and <= 4)
            return (LabelLevel)n;
        throw new FormatException($"'{text}' is not a label level (★1 to ★4)");
    }
}

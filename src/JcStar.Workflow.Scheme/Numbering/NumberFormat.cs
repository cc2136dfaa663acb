using System.Globalization;
using System.Text.RegularExpressions;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Numbering;

/// <summary>
/// A number format from the settings: literal text with the tokens {yyyy}, {yy}, {level} (1–4),
/// {seq} and {seq:N} (zero-padded to N digits). Checked when constructed, so a bad setting fails at start.
/// </summary>
public sealed partial class NumberFormat
{
    private readonly string format;

    public NumberFormat(string format, string settingName)
    {
        this.format = format;
        var tokens = TokenPattern().Matches(format).Select(m => m.Groups[1].Value).ToList();
        var unknown = tokens.FirstOrDefault(t => !IsKnown(t));
        if (unknown is not null)
            throw new FormatException($"setting {settingName}: unknown token {{{unknown}}} in \"{format}\" (use {{yyyy}}, {{yy}}, {{level}}, {{seq}} or {{seq:N}})");
        if (!tokens.Any(t => t.StartsWith("seq", StringComparison.Ordinal)))
            throw new FormatException($"setting {settingName}: \"{format}\" has no {{seq}} token, so two numbers could be equal");
    }

    /// <summary>The part of the format that decides which counter is used: numbers restart when it changes (a new year, another level).</summary>
    public string SequenceScope(DateOnly on, LabelLevel? level) =>
        Render(on, level, sequence: null);

    public string Format(DateOnly on, LabelLevel? level, long sequence) => Render(on, level, sequence);

    private string Render(DateOnly on, LabelLevel? level, long? sequence) =>
        TokenPattern().Replace(format, m =>
        {
            var token = m.Groups[1].Value;
            return token switch
            {
                "yyyy" => on.Year.ToString("0000", CultureInfo.InvariantCulture),
                "yy" => (on.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "level" => level is { } l ? ((int)l).ToString(CultureInfo.InvariantCulture) : "0",
                _ when sequence is null => "#",
                "seq" => sequence.Value.ToString(CultureInfo.InvariantCulture),
                _ => sequence.Value.ToString(CultureInfo.InvariantCulture).PadLeft(int.Parse(token[4..], CultureInfo.InvariantCulture), '0'),
            };
        });

    private static bool IsKnown(string token) =>
        token is "yyyy" or "yy" or "level" or "seq" || SeqWidth().IsMatch(token);

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^seq:[1-9][0-9]?$")]
    private static partial Regex SeqWidth();

    public override string ToString() => format;
}

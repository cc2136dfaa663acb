using System.Text;
using System.Text.RegularExpressions;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// The encodings a BPMN file may declare. UTF-8 and UTF-16 are what XML requires; ISO-8859-1 and
/// US-ASCII are what older tools (Trisotech, Signavio) still declare and .NET decodes without a code
/// page provider. Anything else (windows-1252, Shift_JIS, …) is refused rather than misread.
/// </summary>
internal static partial class XmlEncodings
{
    public const string SupportedList = "UTF-8, UTF-16, ISO-8859-1, US-ASCII";

    public static bool IsSupported(string name) => ForName(name) is not null;

    /// <summary>The decoder for a declared encoding; invalid bytes throw instead of becoming U+FFFD.</summary>
    public static Encoding? ForName(string name) => name.Trim().ToUpperInvariant() switch
    {
        "UTF-8" or "UTF8" => new UTF8Encoding(false, throwOnInvalidBytes: true),
        "UTF-16" or "UTF-16LE" or "UTF-16BE" or "UTF16" => Encoding.Unicode,
        "ISO-8859-1" or "ISO8859-1" or "LATIN1" or "ISO_8859-1" => Encoding.Latin1,
        "US-ASCII" or "ASCII" => Encoding.ASCII,
        _ => null,
    };

    /// <summary>The encoding named in the XML declaration at the start of <paramref name="head"/> (read as ASCII), if any.</summary>
    public static string? Declared(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head);
        var match = Declaration().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^<\?xml[^>]*?encoding\s*=\s*[""']([A-Za-z0-9._\-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}

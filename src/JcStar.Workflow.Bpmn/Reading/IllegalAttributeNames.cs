using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// Finds attribute names in start tags that XML 1.0 does not allow (".color", "xmlns:.color") and encodes
/// them as XML escapes names (<see cref="XmlConvert.EncodeLocalName"/>: "_x002E_color"). Nothing else is
/// touched: a tag missing a quote or an attribute without a value stays as broken as it was.
/// </summary>
internal static partial class IllegalAttributeNames
{
    public sealed record Result(string Xml, IReadOnlyList<(int Line, string Original, string Encoded)> Renamed);

    public static Result Repair(string xml)
    {
        var renamed = new List<(int, string, string)>();
        var repaired = StartTag().Replace(xml, tag =>
            Attribute().Replace(tag.Value, attribute =>
            {
                var name = attribute.Groups["name"].Value;
                var encoded = Encode(name);
                if (encoded == name)
                    return attribute.Value;
                renamed.Add((LineOf(xml, tag.Index + attribute.Index), name, encoded));
                return attribute.Groups["space"].Value + encoded + attribute.Groups["rest"].Value;
            }));
        return new Result(repaired, renamed);
    }

    /// <summary>Each part of a prefixed name is encoded on its own, so xmlns:.color stays a namespace declaration.</summary>
    private static string Encode(string name)
    {
        var parts = name.Split(':');
        if (parts.Length > 2)
            return name;
        var encoded = parts.Select(p => IsName(p) ? p : XmlConvert.EncodeLocalName(p)).ToArray();
        return string.Join(':', encoded);
    }

    private static bool IsName(string part)
    {
        try
        {
            XmlConvert.VerifyNCName(part);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
                line++;
        }
        return line;
    }

    [GeneratedRegex("""<(?![!?/])[^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*>""")]
    private static partial Regex StartTag();

    [GeneratedRegex("""(?<space>\s)(?<name>[^\s=<>"'/]+)(?<rest>\s*=\s*(?:"[^"]*"|'[^']*'))""")]
    private static partial Regex Attribute();
}

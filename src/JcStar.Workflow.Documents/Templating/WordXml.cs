using System.Xml;
using System.Xml.Linq;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>WordprocessingML names used by the compiler, and the one safe way to read part XML.</summary>
internal static class WordXml
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XName P = W + "p";
    public static readonly XName R = W + "r";
    public static readonly XName T = W + "t";
    public static readonly XName RPr = W + "rPr";
    public static readonly XName Tr = W + "tr";
    public static readonly XName Tc = W + "tc";
    public static readonly XName Tbl = W + "tbl";
    public static readonly XName Body = W + "body";
    public static readonly XName Drawing = W + "drawing";
    public static readonly XName Pict = W + "pict";
    public static readonly XName EmbeddedObject = W + "object";
    public static readonly XName Tab = W + "tab";
    public static readonly XName Br = W + "br";
    public static readonly XName PPr = W + "pPr";
    public static readonly XName Space = XNamespace.Xml + "space";

    private static readonly XmlReaderSettings SafeSettings = new()
    {
        // Template parts come from outside: no DTDs (billion laughs), no resolver (XXE).
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
    };

    public static XDocument Load(byte[] xml)
    {
        using var stream = new MemoryStream(xml, writable: false);
        using var reader = XmlReader.Create(stream, SafeSettings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }
}

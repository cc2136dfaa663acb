using System.Collections.Immutable;
using System.Xml;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// Turns text into the lossless tree with a hardened <see cref="XmlReader"/>: no DTD (so no external
/// entities and no entity expansion), no resolver, a size and a depth limit. Never throws for bad input.
/// </summary>
internal sealed class XmlTreeReader(string sourceName, BpmnReaderOptions options)
{
    private readonly List<BpmnDiagnostic> _diagnostics = [];
    private bool repairing;

    public IReadOnlyList<BpmnDiagnostic> Diagnostics => _diagnostics;

    private sealed class OpenElement(DocumentElement element)
    {
        public DocumentElement Element { get; set; } = element;
        public ImmutableArray<DocumentNode>.Builder Children { get; } = ImmutableArray.CreateBuilder<DocumentNode>();
    }

    public BpmnDocument? Read(string xml)
    {
        if (xml.Length > options.MaxCharactersInDocument)
        {
            Error(1, DiagnosticCodes.TooLarge, $"the document has {xml.Length} characters, more than the limit of {options.MaxCharactersInDocument}");
            return null;
        }
        if (xml.Length > 0 && xml[0] == '\uFEFF')
            xml = xml[1..];
        if (xml.Trim().Length == 0)
        {
            Error(1, DiagnosticCodes.MalformedXml, "the file is empty");
            return null;
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharactersInDocument,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = false,
            IgnoreWhitespace = false,
            IgnoreProcessingInstructions = true,
            CheckCharacters = true,
            ConformanceLevel = ConformanceLevel.Document,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return Build(reader);
        }
        catch (XmlException) when (!repairing && IllegalAttributeNames.Repair(xml) is { Renamed.Count: > 0 } repair)
        {
            // Some tools write attribute names XML 1.0 forbids (".color"); bpmn-moddle reads them. Encode just
            // those names the way XML itself escapes names and read again, still with every other check in force.
            foreach (var (line, original, encoded) in repair.Renamed)
                Warning(line, DiagnosticCodes.NameRepaired, $"attribute name '{original}' is not a legal XML name; read as '{encoded}'");
            repairing = true;
            return Read(repair.Xml);
        }
        catch (XmlException e)
        {
            if (DoctypeLine(xml, e.LineNumber) is { } doctypeLine)
                Error(doctypeLine, DiagnosticCodes.DtdNotAllowed, "DTDs are not allowed (XXE/entity expansion): remove the <!DOCTYPE …> declaration");
            else if (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
                Error(Math.Max(1, e.LineNumber), DiagnosticCodes.TooLarge, $"the document is larger than the limit of {options.MaxCharactersInDocument} characters");
            else
                Error(Math.Max(1, e.LineNumber), DiagnosticCodes.MalformedXml, "not well-formed XML: " + StripPosition(e.Message));
            return null;
        }
        catch (DepthExceeded e)
        {
            Error(e.Line, DiagnosticCodes.TooDeep, $"elements are nested more than {options.MaxDepth} deep");
            return null;
        }
    }

    private BpmnDocument? Build(XmlReader reader)
    {
        var lineInfo = (IXmlLineInfo)reader;
        var stack = new Stack<OpenElement>();
        var before = ImmutableArray.CreateBuilder<DocumentNode>();
        var after = ImmutableArray.CreateBuilder<DocumentNode>();
        DocumentElement? root = null;
        string? standalone = null;

        void Add(DocumentNode node)
        {
            if (stack.Count > 0)
                stack.Peek().Children.Add(node);
            else if (root is null)
                before.Add(node);
            else
                after.Add(node);
        }

        while (reader.Read())
        {
            var location = new SourceLocation(lineInfo.LineNumber, lineInfo.LinePosition);
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    var encoding = reader.GetAttribute("encoding");
                    standalone = reader.GetAttribute("standalone");
                    if (encoding is not null && !XmlEncodings.IsSupported(encoding))
                    {
                        Error(location.Line, DiagnosticCodes.Encoding, $"the declared encoding '{encoding}' is not supported: save the file as UTF-8 (supported: " + XmlEncodings.SupportedList + ")");
                    }
                    break;
                case XmlNodeType.Element:
                    if (stack.Count >= options.MaxDepth)
                        throw new DepthExceeded(location.Line);
                    var element = ReadElement(reader, location with { Column = Math.Max(1, location.Column - 1) });
                    if (reader.IsEmptyElement)
                    {
                        if (stack.Count == 0)
                            root = element;
                        else
                            Add(element);
                    }
                    else
                    {
                        stack.Push(new OpenElement(element));
                    }
                    break;
                case XmlNodeType.EndElement:
                    var open = stack.Pop();
                    var done = open.Element with { Children = open.Children.ToImmutable() };
                    if (stack.Count == 0)
                        root = done;
                    else
                        Add(done);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (stack.Count > 0)
                        Add(new DocumentText(reader.Value) { Location = location });
                    break;
                case XmlNodeType.CDATA:
                    Add(new DocumentText(reader.Value, IsCData: true) { Location = location });
                    break;
                case XmlNodeType.Comment:
                    Add(new DocumentComment(reader.Value) { Location = location });
                    break;
            }
        }
        return root is null ? null : new BpmnDocument
        {
            Root = root,
            BeforeRoot = before.ToImmutable(),
            AfterRoot = after.ToImmutable(),
            Standalone = standalone,
        };
    }

    private static DocumentElement ReadElement(XmlReader reader, SourceLocation location)
    {
        var declarations = ImmutableArray.CreateBuilder<NamespaceDeclaration>();
        var attributes = ImmutableArray.CreateBuilder<DocumentAttribute>();
        var element = new DocumentElement
        {
            NamespaceUri = reader.NamespaceURI,
            LocalName = reader.LocalName,
            Prefix = reader.Prefix,
            Location = location,
        };
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == BpmnNamespaces.Xmlns)
                    declarations.Add(new NamespaceDeclaration(reader.Prefix == "xmlns" ? reader.LocalName : "", reader.Value));
                else
                    attributes.Add(new DocumentAttribute(reader.NamespaceURI, reader.LocalName, reader.Prefix, reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element with { NamespaceDeclarations = declarations.ToImmutable(), Attributes = attributes.ToImmutable() };
    }

    // XmlReader reports a prohibited DTD at line 0, so the DOCTYPE is located in the text.
    private static int? DoctypeLine(string xml, int line)
    {
        var index = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0)
            return null;
        var doctypeLine = 1 + xml.AsSpan(0, index).Count('\n');
        return doctypeLine == line || line == 0 ? doctypeLine : null;
    }

    // XmlException messages end with "Line n, position m." which the diagnostic already carries.
    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private void Warning(int line, string code, string message) =>
        _diagnostics.Add(new BpmnDiagnostic(sourceName, line, null, code, message, DiagnosticSeverity.Warning));

    private void Error(int line, string code, string message) =>
        _diagnostics.Add(new BpmnDiagnostic(sourceName, line, null, code, message));

    private sealed class DepthExceeded(int line) : Exception
    {
        public int Line { get; } = line;
    }
}

using System.Text;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// Reads BPMN 2.0 XML as real tools write it into the lossless tree, the typed model and the typed
/// diagram. Never throws for bad input: every problem is a <see cref="BpmnDiagnostic"/> naming the
/// source, line and nearest element id. Does no I/O: the caller passes the text or a stream.
/// </summary>
public static class BpmnReader
{
    public static BpmnReadResult Read(string xml, string sourceName, BpmnReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= BpmnReaderOptions.Default;
        var tree = new XmlTreeReader(sourceName, options);
        var document = tree.Read(xml);
        var diagnostics = new List<BpmnDiagnostic>(tree.Diagnostics);
        if (document is null)
            return new BpmnReadResult { SourceName = sourceName, Diagnostics = [.. diagnostics] };

        new SchemaCheck(sourceName, diagnostics).Check(document);
        return new BpmnReadResult
        {
            SourceName = sourceName,
            Document = document,
            Model = new ModelProjection().Project(document.Root),
            Diagrams = DiagramProjection.Project(document.Root),
            Diagnostics = [.. diagnostics],
        };
    }

    /// <summary>
    /// Reads bytes from <paramref name="stream"/> in the encoding the XML declaration names (UTF-8 when none;
    /// a byte order mark wins). Undecodable bytes and unsupported encodings are diagnostics.
    /// </summary>
    public static BpmnReadResult Read(Stream stream, string sourceName, BpmnReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= BpmnReaderOptions.Default;
        try
        {
            var head = new byte[256];
            var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var declared = XmlEncodings.Declared(head.AsSpan(0, headLength));
            var encoding = declared is null ? new UTF8Encoding(false, throwOnInvalidBytes: true) : XmlEncodings.ForName(declared);
            if (encoding is null)
                return Failed(sourceName, 1, DiagnosticCodes.Encoding, $"the declared encoding '{declared}' is not supported: save the file as UTF-8 (supported: {XmlEncodings.SupportedList})");
            var all = new ConcatenatedStream(head.AsMemory(0, headLength), stream);
            using var reader = new StreamReader(all, encoding, detectEncodingFromByteOrderMarks: true);
            var text = new StringBuilder();
            var buffer = new char[8192];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > options.MaxCharactersInDocument)
                    return Failed(sourceName, 1, DiagnosticCodes.TooLarge, $"the document is larger than the limit of {options.MaxCharactersInDocument} characters");
            }
            return Read(text.ToString(), sourceName, options);
        }
        catch (DecoderFallbackException)
        {
            return Failed(sourceName, 1, DiagnosticCodes.Encoding, "the file is not text in its declared encoding (UTF-8 when none is declared): is it a binary file?");
        }
    }

    private static BpmnReadResult Failed(string sourceName, int line, string code, string message) => new()
    {
        SourceName = sourceName,
        Diagnostics = [new BpmnDiagnostic(sourceName, line, null, code, message)],
    };
}

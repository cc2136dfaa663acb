using System.Text;
using System.Xml;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Writing;

/// <summary>
/// Writes the lossless tree back to XML: a UTF-8 declaration, then every element with the prefix and
/// namespace declarations it was read with, every attribute (unknown namespaces verbatim), text,
/// CDATA, comments and the whitespace between elements as read.
/// </summary>
public static class BpmnWriter
{
    public static string Write(BpmnDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            OmitXmlDeclaration = false,
            // Newlines inside attribute values become &#xA; so they survive attribute-value normalization on the next read.
            NewLineHandling = NewLineHandling.Entitize,
            NamespaceHandling = NamespaceHandling.Default,
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            if (document.Standalone is "yes" or "no")
                writer.WriteStartDocument(document.Standalone == "yes");
            else
                writer.WriteStartDocument();
            foreach (var node in document.BeforeRoot)
                WriteNode(writer, node);
            WriteElement(writer, document.Root);
            foreach (var node in document.AfterRoot)
                WriteNode(writer, node);
            writer.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNode(XmlWriter writer, DocumentNode node)
    {
        switch (node)
        {
            case DocumentElement element:
                WriteElement(writer, element);
                break;
            case DocumentText { IsCData: true } cdata:
                writer.WriteCData(cdata.Text);
                break;
            case DocumentText { IsWhitespace: true } whitespace:
                writer.WriteWhitespace(whitespace.Text);
                break;
            case DocumentText text:
                writer.WriteString(text.Text);
                break;
            case DocumentComment comment:
                // "--" may not appear in a comment; a tree built in code could hold it.
                writer.WriteComment(comment.Text.Replace("--", "- -", StringComparison.Ordinal));
                break;
        }
    }

    private static void WriteElement(XmlWriter writer, DocumentElement element)
    {
        writer.WriteStartElement(element.Prefix, element.LocalName, element.NamespaceUri);
        foreach (var declaration in element.NamespaceDeclarations)
        {
            if (declaration.Prefix.Length == 0)
                writer.WriteAttributeString("xmlns", BpmnNamespaces.Xmlns, declaration.Uri);
            else
                writer.WriteAttributeString("xmlns", declaration.Prefix, BpmnNamespaces.Xmlns, declaration.Uri);
        }
        foreach (var attribute in element.Attributes)
            writer.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
        foreach (var child in element.Children)
            WriteNode(writer, child);
        if (element.Children.IsEmpty)
            writer.WriteEndElement();
        else
            writer.WriteFullEndElement();
    }
}

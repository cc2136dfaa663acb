using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace JcStar.Workflow.Documents.Tests;

/// <summary>Reads a produced document back with the OpenXML SDK: text per paragraph, rows as "a | b", breaks as \n.</summary>
internal static class WordText
{
    public static string Body(byte[] docx)
    {
        using var document = Open(docx);
        return Blocks(document.MainDocumentPart!.Document!.Body!);
    }

    public static string Headers(byte[] docx)
    {
        using var document = Open(docx);
        return string.Join("\n", document.MainDocumentPart!.HeaderParts.Select(h => Blocks(h.Header!)));
    }

    public static string Footers(byte[] docx)
    {
        using var document = Open(docx);
        return string.Join("\n", document.MainDocumentPart!.FooterParts.Select(f => Blocks(f.Footer!)));
    }

    public static string Footnotes(byte[] docx)
    {
        using var document = Open(docx);
        return Blocks(document.MainDocumentPart!.FootnotesPart!.Footnotes!);
    }

    /// <summary>Errors the OpenXML SDK validator finds, one per line; empty when the file is valid.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var document = Open(docx);
        return new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static string Blocks(OpenXmlElement container)
    {
        var lines = new List<string>();
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph p: lines.Add(ParagraphText(p)); break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                        lines.Add(string.Join(" | ", row.Elements<TableCell>().Select(c => string.Join("/", c.Elements<Paragraph>().Select(ParagraphText)))));
                    break;
                case DocumentFormat.OpenXml.Wordprocessing.Footnote f: lines.Add(Blocks(f)); break;
            }
        }
        return string.Join("\n", lines);
    }

    public static string ParagraphText(OpenXmlElement p)
    {
        var text = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            if (e is Text t && !t.Ancestors<TextBoxContent>().Any())
                text.Append(t.Text);
            else if (e is Break && !e.Ancestors<TextBoxContent>().Any())
                text.Append('\n');
        }
        return text.ToString();
    }
}

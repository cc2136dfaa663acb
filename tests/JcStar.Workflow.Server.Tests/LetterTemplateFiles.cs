using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace JcStar.Workflow.Server.Tests;

/// <summary>Word files for template tests, made and read with the OpenXML SDK as Word would.</summary>
public static class LetterTemplateFiles
{
    /// <summary>A one-paragraph Word file with no tags: it fills with any data.</summary>
    public static byte[] WordFile(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }

    /// <summary>The text of a Word file's body, paragraph by paragraph.</summary>
    public static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace JcStar.Workflow.Documents.Tests.Letters;

/// <summary>
/// Writes an official letter template with the OpenXML SDK: letterhead, reference number and date
/// right-aligned, addressee, centred title, body, 記 table, signature block of IPA, A4, MS 明朝.
/// </summary>
internal static class LetterTemplateBuilder
{
    private const string Mincho = "ＭＳ 明朝";
    private const string Gothic = "ＭＳ ゴシック";

    public static byte[] Build(LetterSpec letter)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = letter.Title;
            document.PackageProperties.Creator = "JcStar.Workflow";
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(
                Para(JustificationValues.Right, Run("JC-STAR 適合ラベル制度　{{ office.organization }}", size: 16, color: "595959")));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(
                Para(JustificationValues.Center, Run("独立行政法人情報処理推進機構（IPA）　", size: 16, color: "595959"),
                    new SimpleField(Run("1", size: 16)) { Instruction = " PAGE " }));

            var body = new Body();
            body.Append(Para(JustificationValues.Right, Run("{{ documentNumber }}")));
            body.Append(Para(JustificationValues.Right, Run(letter.Reference)));
            body.Append(Para(JustificationValues.Right, Run("{{ today | wareki }}")));
            body.Append(Para(null, Run("")));
            // The scheme computes the block by kind of addressee (company 御中 or its representative 殿, person 様/殿).
            body.Append(Para(null, Run("{{ addressee.line1 }}")));
            body.Append(Para(null, Run("{{ addressee.line2 }}")));
            body.Append(Para(null, Run("")));
            body.Append(Para(JustificationValues.Right, Run("{{ office.organization }}")));
            body.Append(Para(JustificationValues.Right, Run(letter.Sender)));
            body.Append(Para(null, Run("")));
            body.Append(Para(JustificationValues.Center, Run(letter.Title, bold: true, size: 32, font: Gothic)));
            body.Append(Para(JustificationValues.Center, Run(letter.English, size: 18, color: "595959")));
            body.Append(Para(null, Run("")));
            foreach (var text in letter.Intro)
                body.Append(BodyPara(text));
            body.Append(Para(JustificationValues.Center, Run("記")));
            if (letter.Fields.Length > 0)
                body.Append(FieldTable(letter.Fields));
            if (letter.Table is { } repeated)
            {
                body.Append(Para(null, Run(repeated.Caption, bold: true)));
                body.Append(RepeatedRows(repeated));
            }
            body.Append(Para(null, Run("")));
            foreach (var text in letter.After)
                body.Append(BodyPara(text));
            body.Append(Para(JustificationValues.Right, Run("以上")));
            body.Append(Para(null, Run("")));
            body.Append(Para(JustificationValues.Right, Run("{{ office.organization }}　{{ office.signatory }}")));
            body.Append(Para(JustificationValues.Right, Run("（公印省略）", size: 18)));
            body.Append(Para(null, Run("")));
            body.Append(Para(null, Run("【問合せ先】{{ office.section }}　電話：{{ office.phone }}　電子メール：{{ office.email }}", size: 18)));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1701, Right = 1418, Bottom = 1418, Left = 1418, Header = 851, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return buffer.ToArray();
    }

    private static Paragraph BodyPara(string text)
    {
        var paragraph = Para(null, Run(text));
        // Block tags stay flush left; prose gets the Japanese first-line indent of one character.
        if (!text.StartsWith("{%", StringComparison.Ordinal))
            paragraph.ParagraphProperties!.Append(new Indentation { FirstLine = "210" });
        return paragraph;
    }

    private static Table FieldTable((string Label, string Value)[] fields)
    {
        var table = NewTable([2600, 6470]);
        foreach (var (label, value) in fields)
            table.Append(new TableRow(Cell(label, 2600, shade: true), Cell(value, 6470)));
        return table;
    }

    private static Table RepeatedRows(RepeatedTable repeated)
    {
        var width = 9070 / repeated.Columns.Length;
        var table = NewTable(repeated.Columns.Select(_ => width).ToArray());
        table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. repeated.Columns.Select(c => Cell(c.Heading, width, shade: true))]));
        var cells = repeated.Columns.Select(c => c.Cell).ToArray();
        cells[0] = $"{{% for {repeated.Item} in {repeated.List} %}}" + cells[0];
        cells[^1] += "{% endfor %}";
        table.Append(new TableRow(cells.Select(c => (OpenXmlElement)Cell(c, width))));
        return table;
    }

    private static Table NewTable(int[] widths)
    {
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4; b.Space = 0; b.Color = "000000"; return b; });
        return new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                    border(new InsideHorizontalBorder()), border(new InsideVerticalBorder()))),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    private static TableCell Cell(string text, int width, bool shade = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade)
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EDEDED" });
        return new TableCell(properties, Para(null, Run(text, bold: shade)));
    }

    private static Paragraph Para(JustificationValues? justification, params OpenXmlElement[] content)
    {
        var properties = new ParagraphProperties();
        if (justification is { } j)
            properties.Append(new Justification { Val = j });
        var paragraph = new Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }

    private static Run Run(string text, bool bold = false, int? size = null, string? font = null, string? color = null)
    {
        var properties = new RunProperties();
        if (font is not null)
            properties.Append(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
            properties.Append(new Bold());
        if (color is not null)
            properties.Append(new Color { Val = color });
        if (size is { } s)
        {
            properties.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            properties.Append(new FontSizeComplexScript { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var run = new Run();
        if (properties.HasChildren)
            run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Century", HighAnsi = "Century", EastAsia = Mincho, ComplexScript = "Times New Roman" },
                    new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = "en-US", EastAsia = "ja-JP", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }
}

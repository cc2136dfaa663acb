using Xunit;
using static JcStar.Workflow.Documents.Tests.TestDocx;

namespace JcStar.Workflow.Documents.Tests;

public sealed class TemplateLanguageTests
{
    private readonly WordTemplateEngine _engine = new(new DocumentsOptions());

    private byte[] Render(byte[] template, string json)
    {
        var output = _engine.Render(template, TemplateData.FromJson(json));
        Assert.Empty(WordText.ValidationErrors(output));
        return output;
    }

    [Fact]
    public void A_value_tag_is_replaced_by_its_text()
    {
        var output = Render(Create(P(R("宛先："), R("{{ applicant.name }}"), R(" 様"))), """{"applicant":{"name":"山田 太郎"}}""");
        Assert.Equal("宛先：山田 太郎 様", WordText.Body(output));
    }

    [Fact]
    public void A_tag_split_over_runs_proofing_marks_and_bookmarks_is_still_one_tag()
    {
        var body = P(R("番号 "), R("{", "<w:b/>"), "<w:proofErr w:type=\"spellStart\"/>", R("{ case.", "<w:i/>"),
            "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>", R("number"), "<w:bookmarkEnd w:id=\"0\"/>", "<w:proofErr w:type=\"spellEnd\"/>", R(" }", "<w:i/>"), R("} です"));
        var output = Render(Create(body), """{"case":{"number":"JC-2026-000123"}}""");
        Assert.Equal("番号 JC-2026-000123 です", WordText.Body(output));
        using var document = WordText.Open(output);
        var run = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>()
            .Single(r => r.InnerText == "JC-2026-000123");
        Assert.NotNull(run.RunProperties?.Bold);
    }

    [Fact]
    public void Line_breaks_in_a_value_become_line_breaks_in_Word()
    {
        var output = Render(Create(P(R("{{ address }}"))), """{"address":"東京都文京区\n本駒込二丁目28番8号"}""");
        Assert.Equal("東京都文京区\n本駒込二丁目28番8号", WordText.Body(output));
    }

    [Fact]
    public void Text_that_looks_like_XML_is_escaped()
    {
        var output = Render(Create(P(R("{{ name }}"))), """{"name":"John Smith & Sons <Ltd>"}""");
        Assert.Equal("John Smith & Sons <Ltd>", WordText.Body(output));
    }

    [Fact]
    public void A_loop_in_a_table_row_repeats_the_row()
    {
        var table = Table(2, Row("型番", "名称"), Row("{% for p in products %}{{ p.model }}", "{{ p.name }}{% endfor %}"), Row("計", "{{ products.size }}"));
        var output = Render(Create(table), """{"products":[{"model":"NC-100","name":"カメラ"},{"model":"NC-200","name":"カメラ2"}]}""");
        Assert.Equal("型番 | 名称\nNC-100 | カメラ\nNC-200 | カメラ2\n計 | 2", WordText.Body(output));
    }

    [Fact]
    public void A_loop_over_an_empty_list_removes_the_row()
    {
        var table = Table(2, Row("型番", "名称"), Row("{% for p in products %}{{ p.model }}", "{{ p.name }}{% endfor %}"));
        var output = Render(Create(table), """{"products":[]}""");
        Assert.Equal("型番 | 名称", WordText.Body(output));
    }

    [Fact]
    public void A_loop_alone_in_paragraphs_repeats_the_paragraphs_between_and_the_tag_paragraphs_disappear()
    {
        var body = P(R("理由：")) + P(R("{% for r in reasons %}")) + P(R("{{ forloop.index }}. {{ r }}")) + P(R("{% endfor %}")) + P(R("以上"));
        var output = Render(Create(body), """{"reasons":["要件S1.1-01に不適合","書類不備"]}""");
        Assert.Equal("理由：\n1. 要件S1.1-01に不適合\n2. 書類不備\n以上", WordText.Body(output));
    }

    [Fact]
    public void An_inline_loop_repeats_inline()
    {
        var output = Render(Create(P(R("型番："), R("{% for m in models %}{{ m }}{% unless forloop.last %}、{% endunless %}{% endfor %}"))), """{"models":["A-1","A-2","A-3"]}""");
        Assert.Equal("型番：A-1、A-2、A-3", WordText.Body(output));
    }

    [Fact]
    public void Nested_loops_repeat_rows_inside_repeated_paragraph_blocks()
    {
        var body = P(R("{% for product in products %}")) + P(R("{{ product.name }}")) + Table(2, Row("{% for m in product.models %}{{ m }}", "{{ product.name }}{% endfor %}")) + P(R("{% endfor %}"));
        var output = Render(Create(body), """{"products":[{"name":"カメラ","models":["C-1","C-2"]},{"name":"ルータ","models":["R-1"]}]}""");
        Assert.Equal("カメラ\nC-1 | カメラ\nC-2 | カメラ\nルータ\nR-1 | ルータ", WordText.Body(output));
    }

    [Theory]
    [InlineData(1, "★1 自己適合宣言")]
    [InlineData(3, "★3 第三者認証")]
    [InlineData(9, "不明")]
    public void If_elsif_else_choose_one_branch_inline(int level, string expected)
    {
        var output = Render(Create(P(R("{% if level == 1 %}★1 自己適合宣言{% elsif level == 3 %}★3 第三者認証{% else %}不明{% endif %}"))), $$"""{"level":{{level}}}""");
        Assert.Equal(expected, WordText.Body(output));
    }

    [Theory]
    [InlineData(true, "重要：前回のラベルは取り消されています。\n以上")]
    [InlineData(false, "取り消されたラベルはありません。\n以上")]
    public void Conditions_spanning_paragraphs_keep_or_drop_whole_paragraphs(bool revoked, string expected)
    {
        var body = P(R("{% if revoked %}")) + P(R("重要：前回のラベルは取り消されています。")) + P(R("{% endif %}"))
            + P(R("{% unless revoked %}")) + P(R("取り消されたラベルはありません。")) + P(R("{% endunless %}")) + P(R("以上"));
        var output = Render(Create(body), $$"""{"revoked":{{(revoked ? "true" : "false")}}}""");
        Assert.Equal(expected, WordText.Body(output));
    }

    [Fact]
    public void A_condition_in_a_table_row_keeps_or_drops_the_row()
    {
        var table = Table(2, Row("登録番号", "{{ no }}"), Row("{% if facility %}評価機関", "{{ facility }}{% endif %}"));
        Assert.Equal("登録番号 | JC-1\n評価機関 | 電子技研", WordText.Body(Render(Create(table), """{"no":"JC-1","facility":"電子技研"}""")));
        Assert.Equal("登録番号 | JC-1", WordText.Body(Render(Create(table), """{"no":"JC-1","facility":null}""")));
    }

    /// <summary>The table Word users write for a choice of rows: each tag alone in a row of its own.</summary>
    private static string LevelTable() => Table(2,
        Row("区分", "内容"),
        Row("{% if level == 1 %}", ""),
        Row("★1", "自己適合宣言"),
        Row("{% elsif level == 3 %}", ""),
        Row("★3", "第三者認証"),
        Row("評価機関", "{{ facility }}"),
        Row("{% else %}", ""),
        Row("不明", "―"),
        Row("{% endif %}", ""),
        Row("以上", ""));

    [Theory]
    [InlineData(1, "区分 | 内容\n★1 | 自己適合宣言\n以上 | ")]
    [InlineData(3, "区分 | 内容\n★3 | 第三者認証\n評価機関 | 電子技研\n以上 | ")]
    [InlineData(9, "区分 | 内容\n不明 | ―\n以上 | ")]
    public void If_elsif_else_across_table_rows_keep_the_rows_of_the_branch_taken_and_drop_the_tag_rows(int level, string expected)
    {
        var output = Render(Create(LevelTable()), $$"""{"level":{{level}},"facility":"電子技研"}""");
        Assert.Equal(expected, WordText.Body(output));
    }

    [Fact]
    public void A_branch_tag_alone_in_a_merged_row_also_splits_the_rows()
    {
        var merged = "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/></w:tcPr>" + P(R("{% else %}")) + "</w:tc></w:tr>";
        var table = Table(2, Row("{% if paid %}", ""), Row("納付", "済"), merged, Row("納付", "未"), Row("{% endif %}", ""));
        Assert.Equal("納付 | 済", WordText.Body(Render(Create(table), """{"paid":true}""")));
        Assert.Equal("納付 | 未", WordText.Body(Render(Create(table), """{"paid":false}""")));
    }

    [Theory]
    [InlineData(true, "型番 | 名称\nNC-100 | カメラ\nNC-200 | カメラ2\n計 | 2")]
    [InlineData(false, "型番 | 名称\n製品はありません | ")]
    public void A_branch_across_rows_may_hold_a_loop_row(bool any, string expected)
    {
        var table = Table(2,
            Row("型番", "名称"),
            Row("{% if products.size > 0 %}", ""),
            Row("{% for p in products %}{{ p.model }}", "{{ p.name }}{% endfor %}"),
            Row("計", "{{ products.size }}"),
            Row("{% else %}", ""),
            Row("製品はありません", ""),
            Row("{% endif %}", ""));
        var products = any ? """[{"model":"NC-100","name":"カメラ"},{"model":"NC-200","name":"カメラ2"}]""" : "[]";
        var output = Render(Create(table), $$"""{"products":{{products}}}""");
        Assert.Equal(expected, WordText.Body(output));
    }

    [Fact]
    public void Branches_across_rows_may_sit_inside_a_repeated_block_of_rows()
    {
        var table = Table(2,
            Row("{% for p in products %}", ""),
            Row("{{ p.model }}", "{{ p.name }}"),
            Row("{% if p.level == 3 %}", ""),
            Row("評価機関", "{{ p.facility }}"),
            Row("{% else %}", ""),
            Row("評価機関", "―（自己宣言）"),
            Row("{% endif %}", ""),
            Row("{% endfor %}", ""));
        var output = Render(Create(table), """{"products":[{"model":"A","name":"カメラ","level":3,"facility":"電子技研"},{"model":"B","name":"ルータ","level":1}]}""");
        Assert.Equal("A | カメラ\n評価機関 | 電子技研\nB | ルータ\n評価機関 | ―（自己宣言）", WordText.Body(output));
    }

    [Theory]
    [InlineData(true, "状態 | 取消\n理由 | 虚偽申請")]
    [InlineData(false, "状態 | 有効")]
    public void Unless_else_across_table_rows_keeps_one_set_of_rows(bool revoked, string expected)
    {
        var table = Table(2,
            Row("{% unless revoked %}", ""),
            Row("状態", "有効"),
            Row("{% else %}", ""),
            Row("状態", "取消"),
            Row("理由", "{{ reason }}"),
            Row("{% endunless %}", ""));
        var output = Render(Create(table), $$"""{"revoked":{{(revoked ? "true" : "false")}},"reason":"虚偽申請"}""");
        Assert.Equal(expected, WordText.Body(output));
    }

    [Fact]
    public void A_condition_whose_tags_stand_in_rows_of_their_own_drops_those_rows()
    {
        var table = Table(2, Row("登録番号", "{{ no }}"), Row("{% if facility %}", ""), Row("評価機関", "{{ facility }}"), Row("{% endif %}", ""));
        Assert.Equal("登録番号 | JC-1\n評価機関 | 電子技研", WordText.Body(Render(Create(table), """{"no":"JC-1","facility":"電子技研"}""")));
        Assert.Equal("登録番号 | JC-1", WordText.Body(Render(Create(table), """{"no":"JC-1","facility":null}""")));
    }

    [Fact]
    public void Tags_in_headers_footers_and_footnotes_are_filled()
    {
        var template = Create(P(R("本文")), header: P(R("{{ office }}　文書番号 {{ doc_no }}")), footer: P(R("{{ issued | wareki }}発行")),
            footnotes: "<w:footnote w:id=\"1\">" + P(R("注：{{ note }}")) + "</w:footnote>");
        var output = Render(template, """{"office":"ラベル発行機関","doc_no":"N-1","issued":"2026-11-25","note":"有効期間は2年"}""");
        Assert.Equal("ラベル発行機関　文書番号 N-1", WordText.Headers(output));
        Assert.Equal("令和8年11月25日発行", WordText.Footers(output));
        Assert.Equal("注：有効期間は2年", WordText.Footnotes(output));
    }

    [Fact]
    public void Tags_in_a_text_box_are_filled()
    {
        var textBox = "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" style=\"width:100pt;height:40pt\"><v:textbox><w:txbxContent>"
            + P(R("受付番号 {{ no }}")) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>";
        var output = _engine.Render(Create(P(R("本文")) + P(textBox)), TemplateData.FromJson("""{"no":"A-7"}"""));
        using var document = WordText.Open(output);
        var boxText = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TextBoxContent>().Single().InnerText;
        Assert.Equal("受付番号 A-7", boxText);
    }

    [Fact]
    public void Japanese_filters_write_era_dates_yen_and_full_width_digits()
    {
        var body = P(R("{{ d1 | wareki }}／{{ d2 | wareki }}／{{ d3 | wareki }}／{{ d4 | wareki }}"))
            + P(R("{{ fee | yen }}／{{ fee | yen: \"symbol\" }}／{{ no | zenkaku }}"))
            + P(R("{{ d1 | date: \"%Y年%m月%d日\" }}"));
        var output = Render(Create(body), """{"d1":"2026-11-25","d2":"2019-05-01","d3":"2019-04-30","d4":"1988-12-31","fee":198000,"no":"第12号"}""");
        Assert.Equal("令和8年11月25日／令和元年5月1日／平成31年4月30日／昭和63年12月31日\n198,000円／¥198,000／第１２号\n2026年11月25日", WordText.Body(output));
    }

    [Fact]
    public void An_image_value_and_a_qr_code_are_placed_inline()
    {
        var png = LetterFiltersPng();
        var json = $$"""{"seal":{"$image":"{{Convert.ToBase64String(png)}}","widthMm":20},"url":"https://www.ipa.go.jp/jcstar/"}""";
        var output = Render(Create(P(R("印影："), R("{{ seal }}")) + P(R("{{ url | qr: 25 }}"))), json);
        using var document = WordText.Open(output);
        var main = document.MainDocumentPart!;
        Assert.Equal(2, main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Drawing>().Count());
        Assert.Equal(2, main.ImageParts.Count());
        Assert.Contains(main.ImageParts, p => p.GetStream().Length == png.Length);
    }

    private static byte[] LetterFiltersPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
}

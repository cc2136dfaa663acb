using Xunit;
using static JcStar.Workflow.Documents.Tests.TestDocx;

namespace JcStar.Workflow.Documents.Tests;

public sealed class TemplateErrorTests
{
    private readonly WordTemplateEngine _engine = new(new DocumentsOptions());

    private DocumentTemplateException Fails(byte[] template, string json) =>
        Assert.Throws<DocumentTemplateException>(() => _engine.Render(template, TemplateData.FromJson(json)));

    [Fact]
    public void A_missing_value_names_the_tag_the_part_and_the_paragraph()
    {
        var error = Fails(Create(P(R("交付日："), R("{{ case.issued_on | wareki }}"))), """{"case":{}}""").Errors.Single();
        Assert.Equal("word/document.xml", error.Part);
        Assert.Equal("{{ case.issued_on | wareki }}", error.Tag);
        Assert.Equal("交付日：{{ case.issued_on | wareki }}", error.Paragraph);
        Assert.Contains("'issued_on' is not in the data", error.Message);
    }

    [Fact]
    public void A_missing_top_level_name_in_a_header_is_an_error_there()
    {
        var error = Fails(Create(P(R("x")), header: P(R("{{ office }}"))), "{}").Errors.Single();
        Assert.Equal("word/header1.xml", error.Part);
        Assert.Contains("'office' is not in the data", error.Message);
    }

    [Fact]
    public void A_missing_condition_is_an_error_not_false()
    {
        var error = Fails(Create(P(R("{% if revokd %}x{% endif %}"))), """{"revoked":true}""").Errors.Single();
        Assert.Equal("{% if revokd %}", error.Tag);
        Assert.Contains("'revokd' is not in the data", error.Message);
    }

    [Fact]
    public void A_null_value_is_an_error_unless_a_default_is_given()
    {
        Assert.Contains("null", Fails(Create(P(R("{{ fax }}"))), """{"fax":null}""").Errors.Single().Message);
        Assert.Equal("—", WordText.Body(_engine.Render(Create(P(R("{{ fax | default: \"—\" }}"))), TemplateData.FromJson("""{"fax":null}"""))));
    }

    [Theory]
    [InlineData("{% else %}", "{% else %}評価機関", "―")]
    [InlineData("{% elsif level == 3 %}", "{% elsif level == 3 %}", "x")]
    public void A_branch_tag_across_rows_that_shares_its_row_with_text_is_refused_with_its_place(string tag, string paragraph, string otherCell)
    {
        var table = Table(2, Row("{% if level == 1 %}", ""), Row("★1", "自己適合宣言"), Row(paragraph, otherCell), Row("{% endif %}", ""));
        var error = Assert.Single(_engine.Check(Create(table)).Errors);
        Assert.Equal("word/document.xml", error.Part);
        Assert.Equal(tag, error.Tag);
        Assert.Equal(paragraph, error.Paragraph);
        Assert.Contains("must stand alone in a table row of its own", error.Message);
    }

    [Fact]
    public void A_branch_tag_in_the_row_of_its_if_is_refused()
    {
        var table = Table(2, Row("{% if a %}A", "{% else %}B{% endif %}"));
        var error = Assert.Single(_engine.Check(Create(table)).Errors);
        Assert.Equal("{% else %}", error.Tag);
        Assert.Contains("must stand alone in a table row of its own", error.Message);
    }

    [Theory]
    [InlineData("{% else %}", "is not inside an {% if %} or {% unless %}")]
    [InlineData("{% elsif a %}", "is not inside an {% if %}")]
    public void A_stray_branch_row_outside_a_condition_is_refused(string tag, string expected)
    {
        var table = Table(2, Row("{% for p in ps %}", ""), Row(tag, ""), Row("{% endfor %}", ""));
        var error = Assert.Single(_engine.Check(Create(table)).Errors);
        Assert.Equal(tag, error.Tag);
        Assert.Equal(tag, error.Paragraph);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_condition_across_rows_without_its_end_is_refused()
    {
        var table = Table(2, Row("{% if a %}", ""), Row("A", ""), Row("{% else %}", ""), Row("B", ""));
        var error = Assert.Single(_engine.Check(Create(table)).Errors);
        Assert.Equal("{% if a %}", error.Tag);
        Assert.Contains("{% endif %} is missing", error.Message);
    }

    [Theory]
    [InlineData("{{ name ", "not closed")]
    [InlineData("{{ name | }}", "malformed tag")]
    [InlineData("{% if a %}x", "never closed")]
    [InlineData("x{% endfor %}", "no opening tag")]
    [InlineData("{% for a in b %}{% endif %}{% endfor %}", "closes '{% for a in b %}'")]
    [InlineData("{% include 'x' %}", "unsupported tag 'include'")]
    [InlineData("name }}", "without its opening")]
    public void Malformed_tags_are_reported_by_check_with_their_place(string text, string expected)
    {
        var result = _engine.Check(Create(P(R("本文")) + P(R(text))));
        var error = Assert.Single(result.Errors);
        Assert.Equal("word/document.xml", error.Part);
        Assert.Contains(expected, error.Message + error.Tag);
        Assert.Throws<DocumentTemplateException>(() => _engine.Render(Create(P(R(text))), TemplateData.FromJson("{}")));
    }

    [Fact]
    public void Check_lists_every_tag_and_every_error_without_data()
    {
        var template = Create(P(R("{{ a }}")) + P(R("{% if b %}")) + P(R("{{ c }}")) + P(R("{% endif %}")) + P(R("{{ d | }}")), header: P(R("{{ e ")));
        var result = _engine.Check(template);
        Assert.Equal(["{{ a }}", "{% if b %}", "{{ c }}", "{% endif %}", "{{ d | }}"], result.Tags.Select(t => t.Tag));
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Part == "word/header1.xml" && e.Message.Contains("not closed"));
    }

    [Fact]
    public void A_block_tag_sharing_its_paragraph_with_text_across_paragraphs_is_refused_with_a_reason()
    {
        var result = _engine.Check(Create(P(R("前文 {% if a %}")) + P(R("本文")) + P(R("{% endif %}"))));
        Assert.Contains("stand alone in its paragraph", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_list_where_a_text_is_expected_is_an_error()
    {
        Assert.Contains("list or an object", Fails(Create(P(R("{{ items }}"))), """{"items":[1]}""").Errors.Single().Message);
    }

    [Fact]
    public void Invalid_JSON_data_is_a_clear_error()
    {
        var error = Assert.Throws<DocumentTemplateException>(() => TemplateData.FromJson("{\"a\": ")).Errors.Single();
        Assert.Equal("data", error.Part);
        Assert.Contains("not valid JSON", error.Message);
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using JcStar.Workflow.Server.Web;

namespace JcStar.Workflow.Server.Tests.Web;

/// <summary>The inbox's rows are written as one piece of markup: names from our code, every value encoded as Blazor encodes it.</summary>
public sealed class HtmlBuilderTests
{
    // The pages' encoder (WebRegistration): Japanese stays as it is, markup characters are encoded.
    private static readonly HtmlEncoder Pages = HtmlEncoder.Create(new TextEncoderSettings(UnicodeRanges.All));

    [Fact]
    public void Markup_in_a_text_or_an_attribute_value_stays_text()
    {
        const string hostile = "<img src=x onerror=alert(1)>申請者\"'&";
        var html = new HtmlBuilder(Pages)
            .Open("tr", "class", "overdue")
            .Element("td", hostile)
            .Element("a", "開く", "href", "/cases/" + hostile, "title", hostile)
            .Close("tr")
            .ToMarkup().Value;

        Assert.DoesNotContain("<img", html);
        Assert.Equal(
            "<tr class=\"overdue\"><td>&lt;img src=x onerror=alert(1)&gt;申請者&quot;&#x27;&amp;</td>" +
            "<a href=\"/cases/&lt;img src=x onerror=alert(1)&gt;申請者&quot;&#x27;&amp;\" title=\"&lt;img src=x onerror=alert(1)&gt;申請者&quot;&#x27;&amp;\">開く</a></tr>",
            html);
    }

    [Fact]
    public void An_attribute_without_a_value_is_left_out_and_an_empty_text_writes_nothing()
    {
        var html = new HtmlBuilder(Pages).Open("tr", "class", null).Element("td", null).Element("td", "", "class", "priority").Close("tr").ToMarkup().Value;

        Assert.Equal("<tr><td></td><td class=\"priority\"></td></tr>", html);
    }
}

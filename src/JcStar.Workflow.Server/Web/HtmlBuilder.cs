using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// Markup written as one piece, for a long list that a page renders many times a second. Blazor's static renderer keeps
/// every piece it writes (each '&lt;', name, quote, value) as a buffered chunk of its own until the page is sent: the
/// inbox's fifty rows made about 8,000 of them, half of all the memory an inbox page allocated. Element and attribute
/// names come from our code; every text and attribute value is encoded with the page's encoder, as Blazor encodes them,
/// so case data stays text.
/// </summary>
public sealed class HtmlBuilder(HtmlEncoder encoder)
{
    private readonly StringWriter writer = new(new StringBuilder(capacity: 16 * 1024), CultureInfo.InvariantCulture);
    private StringBuilder html => writer.GetStringBuilder();

    /// <summary>An opening tag; an attribute whose value is null is left out, as Blazor leaves it out.</summary>
    public HtmlBuilder Open(string element, string? name1 = null, string? value1 = null, string? name2 = null, string? value2 = null,
        string? name3 = null, string? value3 = null, string? name4 = null, string? value4 = null)
    {
        html.Append('<').Append(element);
        Attribute(name1, value1);
        Attribute(name2, value2);
        Attribute(name3, value3);
        Attribute(name4, value4);
        html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string element)
    {
        html.Append("</").Append(element).Append('>');
        return this;
    }

    public HtmlBuilder Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
            encoder.Encode(writer, text);
        return this;
    }

    /// <summary>An element holding only text: <c>&lt;td class="…"&gt;text&lt;/td&gt;</c>.</summary>
    public HtmlBuilder Element(string element, string? text, string? name1 = null, string? value1 = null, string? name2 = null, string? value2 = null) =>
        Open(element, name1, value1, name2, value2).Text(text).Close(element);

    public MarkupString ToMarkup() => new(html.ToString());

    private void Attribute(string? name, string? value)
    {
        if (name is null || value is null)
            return;
        html.Append(' ').Append(name).Append("=\"");
        encoder.Encode(writer, value);
        html.Append('"');
    }
}

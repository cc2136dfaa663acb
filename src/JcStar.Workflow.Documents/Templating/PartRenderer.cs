using System.Globalization;
using System.Text;
using Fluid.Ast;
using Fluid.Values;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>Renders one compiled part into XML text.</summary>
internal sealed class PartRenderer(CompiledPart part, RenderContext context, RenderSession session, long maxChars)
{
    public StringBuilder Output { get; } = new(64 * 1024);

    public RenderContext Context { get; } = context;

    public void RenderAll(IReadOnlyList<TemplateNode> nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
            nodes[i].Render(this);
        if (Output.Length > maxChars)
            throw new DocumentTemplateException(new TemplateError(part.Name, "", "", $"the rendered part exceeds {maxChars:N0} characters (Documents:MaxOutputPartChars); check the loops and the data"));
    }

    public FluidValue Evaluate(CompiledTag tag, Expression expression)
    {
        FluidValue value;
        try
        {
            var pending = expression.EvaluateAsync(Context);
            value = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        }
        catch (DocumentTemplateException)
        {
            throw;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or OverflowException or InvalidCastException)
        {
            // A filter failing on a value that was never there is reported as the missing value, its real cause.
            throw new DocumentTemplateException(tag.Error(Context.TakeMissing() is { } absent ? $"'{absent}' is not in the data" : e.Message));
        }
        if (Context.TakeMissing() is { } missing)
            throw new DocumentTemplateException(tag.Error($"'{missing}' is not in the data"));
        return value;
    }

    /// <summary>Writes the text into the run the compiler left open; line breaks become w:br and tabs w:tab.</summary>
    public void WriteText(string text)
    {
        var w = part.WordPrefix;
        var o = Output;
        o.Append('<').Append(w).Append("t xml:space=\"preserve\">");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': o.Append("&amp;"); break;
                case '<': o.Append("&lt;"); break;
                case '>': o.Append("&gt;"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    goto case '\n';
                case '\n':
                    o.Append("</").Append(w).Append("t><").Append(w).Append("br/><").Append(w).Append("t xml:space=\"preserve\">");
                    break;
                case '\t':
                    o.Append("</").Append(w).Append("t><").Append(w).Append("tab/><").Append(w).Append("t xml:space=\"preserve\">");
                    break;
                default:
                    // Characters XML 1.0 cannot carry are dropped rather than producing a file Word refuses to open.
                    if (c < 0x20 || c is '\uFFFE' or '\uFFFF')
                        break;
                    o.Append(c);
                    break;
            }
        }
        o.Append("</").Append(w).Append("t>");
    }

    public void WriteImage(ImageValue image)
    {
        var (relId, docPrId) = session.AddImage(part.Name, image);
        var cx = ((long)(image.WidthMm * 36000)).ToString(CultureInfo.InvariantCulture);
        var cy = ((long)(image.HeightMm * 36000)).ToString(CultureInfo.InvariantCulture);
        Output.Append('<').Append(part.WordPrefix).Append("drawing>")
            .Append("<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">")
            .Append("<wp:extent cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\"/>")
            .Append("<wp:docPr id=\"").Append(docPrId).Append("\" name=\"Picture ").Append(docPrId).Append("\"/>")
            .Append("<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">")
            .Append("<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"image").Append(docPrId).Append('.').Append(image.Extension).Append("\"/><pic:cNvPicPr/></pic:nvPicPr>")
            .Append("<pic:blipFill><a:blip r:embed=\"").Append(relId).Append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>")
            .Append("<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>")
            .Append("</a:graphicData></a:graphic></wp:inline></").Append(part.WordPrefix).Append("drawing>");
    }
}

using Fluid.Values;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>{{ expression }}: a run with the tag's formatting holding the value's text, line breaks as w:br, or an inline image.</summary>
internal sealed class OutputNode(CompiledTag tag) : TemplateNode
{
    public override void Render(PartRenderer renderer)
    {
        var value = renderer.Evaluate(tag, tag.Expression!);
        if (value is ImageValue image)
        {
            renderer.WriteImage(image);
            return;
        }
        if (value.IsNil())
            throw new DocumentTemplateException(tag.Error("the value is null; give it a text in the data or use a default filter, e.g. | default: \"—\""));
        if (value is ArrayValue or DataObjectValue)
            throw new DocumentTemplateException(tag.Error("the value is a list or an object, not a text; name one of its members"));
        renderer.WriteText(value.ToStringValue());
    }
}

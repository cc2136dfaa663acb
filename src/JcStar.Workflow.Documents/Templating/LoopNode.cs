using Fluid.Values;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>{% for x in list %}: repeats its body (a row, paragraphs or runs) once per item, with forloop.index/first/last.</summary>
internal sealed class LoopNode(CompiledTag tag, IReadOnlyList<TemplateNode> body) : TemplateNode
{
    public override void Render(PartRenderer renderer)
    {
        var loop = tag.Loop!;
        FluidValue source = loop.Range is not null ? renderer.Evaluate(tag, loop.Range) : renderer.Evaluate(tag, loop.Source);
        if (source.IsNil())
            throw new DocumentTemplateException(tag.Error("the list is null; give an empty list [] when there is nothing to repeat"));
        if (source is not ArrayValue && loop.Range is null)
            throw new DocumentTemplateException(tag.Error($"'{loop.Source}' is not a list"));

        IEnumerable<FluidValue> items = source.Enumerate(renderer.Context);
        if (loop.Offset is not null)
            items = items.Skip((int)renderer.Evaluate(tag, loop.Offset).ToNumberValue());
        if (loop.Limit is not null)
            items = items.Take((int)renderer.Evaluate(tag, loop.Limit).ToNumberValue());
        var list = items as IReadOnlyList<FluidValue> ?? items.ToList();
        if (loop.Reversed)
            list = list.Reverse().ToList();

        var context = renderer.Context;
        context.EnterChildScope();
        try
        {
            for (var i = 0; i < list.Count; i++)
            {
                context.SetValue(loop.Identifier, list[i]);
                context.SetValue("forloop", LoopState(i, list.Count));
                renderer.RenderAll(body);
            }
        }
        finally
        {
            context.ReleaseScope();
        }
    }

    private static DataObjectValue LoopState(int index, int length) => new(new Dictionary<string, FluidValue>
    {
        ["index"] = NumberValue.Create(index + 1),
        ["index0"] = NumberValue.Create(index),
        ["rindex"] = NumberValue.Create(length - index),
        ["first"] = BooleanValue.Create(index == 0),
        ["last"] = BooleanValue.Create(index == length - 1),
        ["length"] = NumberValue.Create(length),
    });
}

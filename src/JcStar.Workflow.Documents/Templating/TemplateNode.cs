namespace JcStar.Workflow.Documents.Templating;

/// <summary>A piece of a compiled part: literal XML, a value, a condition or a loop.</summary>
internal abstract class TemplateNode
{
    public abstract void Render(PartRenderer renderer);
}

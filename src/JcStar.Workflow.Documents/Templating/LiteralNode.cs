namespace JcStar.Workflow.Documents.Templating;

internal sealed class LiteralNode(string xml) : TemplateNode
{
    public string Xml { get; } = xml;

    public override void Render(PartRenderer renderer) => renderer.Output.Append(Xml);
}

using Fluid.Ast;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>{% if %}/{% elsif %}/{% else %} or {% unless %}: renders the first branch whose condition holds.</summary>
internal sealed class ConditionNode(IReadOnlyList<ConditionBranch> branches, IReadOnlyList<TemplateNode> otherwise) : TemplateNode
{
    public override void Render(PartRenderer renderer)
    {
        foreach (var branch in branches)
        {
            var holds = renderer.Evaluate(branch.Tag, branch.Condition).ToBooleanValue() != branch.Negated;
            if (!holds)
                continue;
            renderer.RenderAll(branch.Body);
            return;
        }
        renderer.RenderAll(otherwise);
    }
}

using Fluid.Ast;

namespace JcStar.Workflow.Documents.Templating;

internal sealed record ConditionBranch(CompiledTag Tag, Expression Condition, bool Negated, IReadOnlyList<TemplateNode> Body);

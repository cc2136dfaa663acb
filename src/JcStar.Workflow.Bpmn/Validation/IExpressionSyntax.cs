using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>
/// Checks that an expression or script parses in the engine's language. The BPMN layer knows
/// where expressions stand; the engine knows their language, so it supplies this.
/// </summary>
public interface IExpressionSyntax
{
    /// <returns>null when it parses; otherwise the parser's message (with the position inside the expression).</returns>
    string? Check(Expression expression, ExpressionUse use);
}

using JcStar.Workflow.Bpmn.Validation;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>
/// The engine's expression language for validation: conditions and scripts are JavaScript; a value
/// is JavaScript only when written <c>${…}</c>, <c>#{…}</c> or <c>=…</c>, otherwise a literal.
/// </summary>
public sealed class JintExpressionSyntax : IExpressionSyntax
{
    public string? Check(Bpmn.Model.Expression expression, ExpressionUse use)
    {
        if (expression.Language is { } language && !IsJavaScript(language))
            return $"expression language '{language}' is not supported; the engine runs JavaScript";
        try
        {
            ExpressionCompiler.Compile(expression.Text, use switch
            {
                ExpressionUse.Condition => ExpressionRole.Condition,
                ExpressionUse.Script => ExpressionRole.Script,
                _ => ExpressionRole.Value,
            });
            return null;
        }
        catch (ScriptFailure e)
        {
            return e.Message;
        }
    }

    public static bool IsJavaScript(string language) =>
        language.Equals("javascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("js", StringComparison.OrdinalIgnoreCase)
        || language.Equals("ecmascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("text/javascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
}

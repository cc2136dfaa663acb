using System.Text.Json;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>Variables given from outside an instance (a condition evaluated before anything starts).</summary>
internal sealed class GivenVariables(IReadOnlyDictionary<string, JsonElement> variables) : IVariableSource
{
    public bool TryGet(string name, out JsonElement value) => variables.TryGetValue(name, out value);

    /// <summary>True when the expression reads a variable that is not given (one it only tests with <c>typeof</c> does not count).</summary>
    public bool LacksAnyOf(CompiledExpression expression)
    {
        if (expression.Form == ExpressionForm.Variable)
            return !variables.ContainsKey(expression.VariableName!);
        for (var i = 0; i < expression.FreeNames.Length; i++)
        {
            var name = expression.FreeNames[i];
            if (name != "execution" && !expression.Optional[i] && !variables.ContainsKey(name))
                return true;
        }
        return false;
    }
}

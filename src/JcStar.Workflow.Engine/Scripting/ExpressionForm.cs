namespace JcStar.Workflow.Engine.Scripting;

public enum ExpressionForm
{
    /// <summary>A constant: literal text, true, false, a number.</summary>
    Constant,
    /// <summary>A bare variable name: looked up without running JavaScript.</summary>
    Variable,
    /// <summary>A JavaScript expression run as a prepared function of its free variables.</summary>
    Expression,
    /// <summary>JavaScript statements.</summary>
    Script,
}

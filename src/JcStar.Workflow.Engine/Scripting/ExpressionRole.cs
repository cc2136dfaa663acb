namespace JcStar.Workflow.Engine.Scripting;

/// <summary>How the engine reads a piece of model text.</summary>
public enum ExpressionRole
{
    /// <summary>JavaScript giving a truthy or falsy value (sequence-flow, completion and loop conditions).</summary>
    Condition,
    /// <summary>A literal string unless written <c>${…}</c>, <c>#{…}</c> or <c>=…</c> (assignee, due date, timer, correlation key, input/output value).</summary>
    Value,
    /// <summary>Always JavaScript giving a value (collection, cardinality, output element).</summary>
    Code,
    /// <summary>JavaScript statements (script task); the completion value is the result.</summary>
    Script,
}

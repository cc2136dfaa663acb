using System.Collections.Immutable;
using System.Text.Json;
using Jint;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>An expression parsed once per definition set: a constant, a variable name, or prepared JavaScript.</summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string source, ExpressionForm form)
    {
        Source = source;
        Form = form;
    }

    /// <summary>The text after removing a <c>${…}</c>, <c>#{…}</c> or <c>=</c> wrapper.</summary>
    public string Source { get; }
    public ExpressionForm Form { get; }
    internal JsonElement Constant { get; init; }
    internal string? VariableName { get; init; }

    /// <summary>Free identifiers the expression reads that are not JavaScript globals; bound from variables at evaluation.</summary>
    internal ImmutableArray<string> FreeNames { get; init; } = [];
    /// <summary>Per free name: true when it is only read through <c>typeof</c>, so a missing variable is undefined.</summary>
    internal ImmutableArray<bool> Optional { get; init; } = [];
    internal Prepared<Acornima.Ast.Script>? Prepared { get; init; }
}

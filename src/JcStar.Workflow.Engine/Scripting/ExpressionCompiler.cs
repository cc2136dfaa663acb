using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>Parses model text once into a <see cref="CompiledExpression"/>; parse errors carry the position inside the expression.</summary>
public static class ExpressionCompiler
{
    /// <summary>
    /// Starts Jint's static initialization on a thread of its own (a failure there is thrown again at first use). Jint's
    /// first use (the first <see cref="Compile"/> of a condition or script) builds its default options, among them a table
    /// of every system time zone sorted by display name: over half a second of CPU. A server calls this once it has
    /// started (a start that finds its workflow files unchanged compiles no expression: <see cref="DefinitionSet.Stored"/>),
    /// so that the first case that runs a script does not wait for it. Call it once the zones the host needs are looked up
    /// and the local zone is made (a first DateTime.Now): reading every zone holds .NET's time zone lock, and a lookup
    /// meanwhile waits for all of it.
    /// </summary>
    public static void WarmUp() =>
        new Thread(() => RuntimeHelpers.RunClassConstructor(typeof(JsEngine).TypeHandle)) { IsBackground = true, Name = "Jint warm-up" }.Start();

    /// <summary>True when the text is marked as an expression: <c>${…}</c>, <c>#{…}</c> or a leading <c>=</c>.</summary>
    public static bool IsMarked(string text)
    {
        var t = text.Trim();
        return (t.Length >= 3 && (t[0] == '$' || t[0] == '#') && t[1] == '{' && t[^1] == '}') || (t.Length > 1 && t[0] == '=');
    }

    /// <summary>Removes Camunda's <c>${ … }</c> / <c>#{ … }</c> wrapper or Zeebe's leading <c>=</c>.</summary>
    public static string Strip(string text)
    {
        var t = text.Trim();
        if (t.Length >= 3 && (t[0] == '$' || t[0] == '#') && t[1] == '{' && t[^1] == '}')
            return t[2..^1].Trim();
        if (t.Length > 1 && t[0] == '=')
            return t[1..].Trim();
        return t;
    }

    /// <exception cref="ScriptFailure">The text does not parse.</exception>
    public static CompiledExpression Compile(string text, ExpressionRole role)
    {
        if (role == ExpressionRole.Value && !IsMarked(text))
            return new CompiledExpression(text, ExpressionForm.Constant) { Constant = JsonSerializer.SerializeToElement(text) };

        var source = Strip(text);
        if (role == ExpressionRole.Script)
        {
            try
            {
                // Script tasks are not strict: "total = price * quantity" must create a process variable,
                // as process variables are globals. Expressions stay strict.
                var prepared = JsEngine.PrepareScript(source, strict: false);
                return new CompiledExpression(source, ExpressionForm.Script)
                {
                    Prepared = prepared,
                    FreeNames = FreeNames(prepared.Program!),
                };
            }
            catch (ParseErrorException e)
            {
                throw new ScriptFailure(Describe(e), e);
            }
            catch (ScriptPreparationException e)
            {
                throw new ScriptFailure(e.InnerException is ParseErrorException p ? Describe(p) : e.Message, e);
            }
        }

        // The commonest condition is a bare variable name (${approved}); it needs no parser.
        if (IsPlainName(source) && !JavaScriptGlobals.Names.Contains(source) && source != "execution")
            return new CompiledExpression(source, ExpressionForm.Variable) { VariableName = source };

        Acornima.Ast.Expression ast;
        try
        {
            ast = new Parser(new ParserOptions { AllowReturnOutsideFunction = false }).ParseExpression(source);
        }
        catch (ParseErrorException e)
        {
            throw new ScriptFailure(Describe(e), e);
        }

        switch (ast)
        {
            case Literal { Value: bool b }:
                return new CompiledExpression(source, ExpressionForm.Constant) { Constant = JsonValues.Boolean(b) };
            case Literal { Value: double d }:
                return new CompiledExpression(source, ExpressionForm.Constant) { Constant = JsonValues.Number(d) };
            case Literal { Value: string s }:
                return new CompiledExpression(source, ExpressionForm.Constant) { Constant = JsonSerializer.SerializeToElement(s) };
            case Identifier id when !JavaScriptGlobals.Names.Contains(id.Name) && id.Name != "execution":
                return new CompiledExpression(source, ExpressionForm.Variable) { VariableName = id.Name };
        }

        var names = FreeNames(ast);
        var typeOfOnly = TypeOfOnly(ast, names);
        // The expression becomes a function of its free variables, so it never reads or writes the
        // engine's globals and a reused engine carries nothing from one evaluation to the next.
        var function = $"(function({string.Join(", ", names)}) {{ return (\n{source}\n); }})";
        try
        {
            return new CompiledExpression(source, ExpressionForm.Expression)
            {
                FreeNames = names,
                Optional = [.. names.Select(typeOfOnly.Contains)],
                Prepared = JsEngine.PrepareScript(function, strict: true),
            };
        }
        catch (ParseErrorException e)
        {
            throw new ScriptFailure(Describe(e), e);
        }
        catch (ScriptPreparationException e)
        {
            throw new ScriptFailure(e.InnerException is ParseErrorException p ? Describe(p) : e.Message, e);
        }
    }

    /// <summary>An ASCII JavaScript identifier that is not a reserved word or literal (those go through the parser).</summary>
    private static bool IsPlainName(string source)
    {
        if (source.Length == 0 || !(char.IsAsciiLetter(source[0]) || source[0] == '_' || source[0] == '$'))
            return false;
        foreach (var c in source)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$'))
                return false;
        }
        return !ReservedWords.Contains(source);
    }

    private static readonly FrozenSet<string> ReservedWords = FrozenSet.ToFrozenSet(
    [
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import",
        "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public",
        "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
        "with", "yield", "arguments", "eval", "async", "of", "get", "set",
    ], StringComparer.Ordinal);

    internal static string Describe(ParseErrorException e) =>
        $"{e.Description} (line {e.LineNumber}, column {e.Column})";

    private static ImmutableArray<string> FreeNames(Node root)
    {
        var found = new List<string>();
        Walk(root, [], found);
        return [.. found.Where(n => !JavaScriptGlobals.Names.Contains(n) && n != "arguments").Distinct()];
    }

    /// <summary>Names read only as <c>typeof name</c>: a missing variable is then undefined, not an error.</summary>
    private static HashSet<string> TypeOfOnly(Node root, ImmutableArray<string> names)
    {
        var all = new List<string>();
        Walk(root, [], all);
        var underTypeOf = new List<string>();
        CollectTypeOf(root, underTypeOf);
        return [.. names.Where(n => all.Count(x => x == n) == underTypeOf.Count(x => x == n))];
    }

    private static void CollectTypeOf(Node node, List<string> found)
    {
        if (node is UnaryExpression { Operator: Operator.TypeOf, Argument: Identifier id })
            found.Add(id.Name);
        foreach (var child in node.ChildNodes)
            CollectTypeOf(child, found);
    }

    private static void Walk(Node? node, ImmutableHashSet<string> bound, List<string> found)
    {
        switch (node)
        {
            case null:
                return;
            case Identifier id:
                if (!bound.Contains(id.Name))
                    found.Add(id.Name);
                return;
            case MemberExpression m:
                Walk(m.Object, bound, found);
                if (m.Computed)
                    Walk(m.Property, bound, found);
                return;
            case Property p:
                if (p.Computed)
                    Walk(p.Key, bound, found);
                Walk(p.Value, bound, found);
                return;
            case IFunction f:
                var inner = bound;
                foreach (var param in f.Params)
                    inner = inner.Union(PatternNames(param));
                if (f.Id is { } fid)
                    inner = inner.Add(fid.Name);
                Walk(f.Body, inner, found);
                return;
            case VariableDeclarator d:
                Walk(d.Init, bound, found);
                return;
        }
        foreach (var child in node.ChildNodes)
            Walk(child, bound, found);
    }

    private static IEnumerable<string> PatternNames(Node node) => node switch
    {
        Identifier id => [id.Name],
        _ => node.ChildNodes.SelectMany(PatternNames),
    };
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime.Interop;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>
/// Runs compiled expressions and scripts in Jint with the limits of <see cref="EngineOptions"/>:
/// strict mode, no CLR access, no string compilation (eval, Function), time, memory, recursion and
/// statement limits. Any failure surfaces as <see cref="ScriptFailure"/>, never as a hang or a crash.
/// </summary>
public sealed class ScriptSandbox(EngineOptions options)
{
    /// <summary>
    /// One engine per thread for expressions. Expressions run as functions of their free variables,
    /// so they neither read nor leave globals; an engine that failed is thrown away.
    /// </summary>
    [ThreadStatic]
    private static PooledEngine? pooled;

    public EngineOptions Options { get; } = options;

    public bool IsTrue(CompiledExpression expression, IVariableSource variables) =>
        expression.Form switch
        {
            ExpressionForm.Constant => JsonValues.IsTruthy(expression.Constant),
            ExpressionForm.Variable => JsonValues.IsTruthy(Lookup(expression.VariableName!, variables)),
            _ => Run(expression, variables, static v => v.IsBoolean() ? v.AsBoolean() : Jint.Runtime.TypeConverter.ToBoolean(v)),
        };

    public JsonElement Evaluate(CompiledExpression expression, IVariableSource variables) =>
        expression.Form switch
        {
            ExpressionForm.Constant => expression.Constant,
            ExpressionForm.Variable => Lookup(expression.VariableName!, variables),
            ExpressionForm.Script => RunScript(expression, variables).Result,
            _ => Run(expression, variables, JsonValues.FromJs),
        };

    /// <summary>Runs a script task body on a fresh engine: variables it assigns or declares come back as changes.</summary>
    public ScriptOutcome RunScript(CompiledExpression script, IVariableSource variables)
    {
        var engine = CreateEngine(strict: false);
        var changes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var name in script.FreeNames)
            {
                if (variables.TryGet(name, out var value))
                {
                    engine.SetValue(name, JsonValues.ToJs(engine, value));
                    originals[name] = value.GetRawText();
                }
            }
            if (!originals.ContainsKey("execution"))
                engine.SetValue("execution", ExecutionObject(engine, variables, changes));

            var completion = script.Form == ExpressionForm.Script
                ? engine.Evaluate(script.Prepared!.Value)
                : JsValue.Undefined;

            foreach (var (name, original) in originals)
            {
                var now = JsonValues.FromJs(engine.GetValue(name));
                if (now.GetRawText() != original && !changes.ContainsKey(name))
                    changes[name] = now;
            }
            foreach (var key in engine.Global.GetOwnPropertyKeys())
            {
                var name = key.ToString();
                if (JavaScriptGlobals.Names.Contains(name) || originals.ContainsKey(name) || name == "execution" || changes.ContainsKey(name))
                    continue;
                var value = engine.GetValue(name);
                if (value is not Jint.Native.Function.Function)
                    changes[name] = JsonValues.FromJs(value);
            }
            return new ScriptOutcome(changes, JsonValues.FromJs(completion));
        }
        catch (ScriptFailure)
        {
            throw;
        }
        catch (Exception e) when (e is not StackOverflowException)
        {
            throw new ScriptFailure("script failed: " + Describe(e), e);
        }
    }

    private static JsonElement Lookup(string name, IVariableSource variables) =>
        variables.TryGet(name, out var value) ? value : throw new ScriptFailure($"{name} is not defined");

    private T Run<T>(CompiledExpression expression, IVariableSource variables, Func<JsValue, T> convert)
    {
        var holder = pooled;
        if (holder is null || !ReferenceEquals(holder.Options, Options))
            pooled = holder = new PooledEngine(Options, CreateEngine(strict: true));
        try
        {
            var engine = holder.Engine;
            if (!holder.Functions.TryGetValue(expression, out var function))
            {
                function = engine.Evaluate(expression.Prepared!.Value);
                holder.Functions.AddOrUpdate(expression, function);
            }
            var names = expression.FreeNames;
            var arguments = new JsValue[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                if (variables.TryGet(names[i], out var value))
                    arguments[i] = JsonValues.ToJs(engine, value);
                else if (names[i] == "execution")
                    arguments[i] = ExecutionObject(engine, variables, changes: null);
                else if (expression.Optional[i])
                    arguments[i] = JsValue.Undefined;
                else
                    throw new ScriptFailure($"{names[i]} is not defined");
            }
            engine.Constraints.Reset();
            return convert(engine.Call(function, JsValue.Undefined, arguments));
        }
        catch (ScriptFailure)
        {
            throw;
        }
        catch (Exception e) when (e is not StackOverflowException)
        {
            pooled = null;
            throw new ScriptFailure($"expression '{expression.Source}' failed: " + Describe(e), e);
        }
    }

    private static JsObject ExecutionObject(JsEngine engine, IVariableSource variables, Dictionary<string, JsonElement>? changes)
    {
        var execution = new JsObject(engine);
        execution.Set("getVariable", new ClrFunction(engine, "getVariable", (_, args) =>
        {
            var name = args.Length > 0 ? args[0].ToString() : "";
            if (changes is not null && changes.TryGetValue(name, out var changed))
                return JsonValues.ToJs(engine, changed);
            return variables.TryGet(name, out var value) ? JsonValues.ToJs(engine, value) : JsValue.Null;
        }));
        execution.Set("setVariable", new ClrFunction(engine, "setVariable", (_, args) =>
        {
            if (changes is null)
                throw new ScriptFailure("execution.setVariable is only available in scripts, not in expressions");
            changes[args.Length > 0 ? args[0].ToString() : ""] = JsonValues.FromJs(args.Length > 1 ? args[1] : JsValue.Undefined);
            return JsValue.Undefined;
        }));
        return execution;
    }

    private JsEngine CreateEngine(bool strict) => new(o =>
    {
        o.Strict(strict);
        o.TimeoutInterval(Options.ScriptTimeout);
        // .NET's regex engine does not look at Jint's clock: without this a catastrophic pattern runs past the script's time limit.
        o.RegexTimeoutInterval(Options.ScriptTimeout);
        o.LimitMemory(Options.ScriptMemoryLimitBytes);
        o.LimitRecursion(Options.ScriptRecursionLimit);
        o.MaxStatements(Options.ScriptMaxStatements);
        o.MaxArraySize(1_000_000);
        o.DisableStringCompilation();
    });

    /// <summary>What stopped the script, naming the limit and the setting that sets it, so staff know what to change.</summary>
    private string Describe(Exception e) => e switch
    {
        _ when RegexTimeout(e) is { } regex => $"time limit of {regex.MatchTimeout} exceeded in a regular expression (Engine:ScriptTimeout)",
        Jint.Runtime.JavaScriptException js => js.Message + (js.Location.Start.Line > 0 ? $" (line {js.Location.Start.Line}, column {js.Location.Start.Column})" : ""),
        TimeoutException => $"time limit of {Options.ScriptTimeout} exceeded (Engine:ScriptTimeout)",
        // Jint counts every byte allocated, not what is still held: a loop that runs long reaches this limit too.
        Jint.Runtime.MemoryLimitExceededException => $"memory limit of {Options.ScriptMemoryLimitBytes} bytes allocated exceeded (Engine:ScriptMemoryLimitBytes; every allocation counts, so a loop that never ends reaches it as well as a value too large)",
        Jint.Runtime.RecursionDepthOverflowException => $"recursion limit of {Options.ScriptRecursionLimit} calls exceeded (Engine:ScriptRecursionLimit)",
        Jint.Runtime.StatementsCountOverflowException => $"statement limit of {Options.ScriptMaxStatements} statements exceeded (Engine:ScriptMaxStatements)",
        OutOfMemoryException => $"memory limit of {Options.ScriptMemoryLimitBytes} bytes allocated exceeded (Engine:ScriptMemoryLimitBytes)",
        _ => e.Message,
    };

    private static RegexMatchTimeoutException? RegexTimeout(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is RegexMatchTimeoutException regex)
                return regex;
        }
        return null;
    }

    private sealed class PooledEngine(EngineOptions options, JsEngine engine)
    {
        public EngineOptions Options { get; } = options;
        public JsEngine Engine { get; } = engine;
        public ConditionalWeakTable<CompiledExpression, JsValue> Functions { get; } = [];
    }
}

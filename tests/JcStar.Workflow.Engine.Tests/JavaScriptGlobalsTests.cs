using System.Text.Json;
using Jint;
using JcStar.Workflow.Engine.Scripting;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class JavaScriptGlobalsTests
{
    // The list is written out so that validating a workflow does not build an engine; it must still be exactly what an
    // engine defines, strict or not, or a free variable named like a new built-in would be read as a case variable.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_written_list_is_what_a_fresh_engine_defines(bool strict)
    {
        var engine = new Jint.Engine(o => o.Strict(strict));
        var defined = engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(defined, JavaScriptGlobals.Names.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void An_expression_reads_case_variables_and_not_the_built_ins_it_names()
    {
        var variables = new Recorded(new() { ["fee"] = 5, ["limit"] = 3 });
        var expression = ExpressionCompiler.Compile("Math.max(fee, Temporal ? 1 : 0) > limit", ExpressionRole.Condition);

        Assert.True(new ScriptSandbox(new EngineOptions()).IsTrue(expression, variables));
        Assert.Equal(["fee", "limit"], variables.Asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_script_returns_the_variables_it_sets_and_none_of_the_built_ins()
    {
        var script = ExpressionCompiler.Compile("total = Math.round(fee * 1.1); var note = JSON.stringify({ fee });", ExpressionRole.Script);

        var outcome = new ScriptSandbox(new EngineOptions()).RunScript(script, new Recorded(new() { ["fee"] = 100 }));

        Assert.Equal(["note", "total"], outcome.Changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(110, outcome.Changes["total"].GetInt32());
    }

    private sealed class Recorded(Dictionary<string, int> values) : IVariableSource
    {
        public List<string> Asked { get; } = [];

        public bool TryGet(string name, out JsonElement value)
        {
            Asked.Add(name);
            var found = values.TryGetValue(name, out var number);
            value = JsonSerializer.SerializeToElement(number);
            return found;
        }
    }
}

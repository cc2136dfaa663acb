using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Engine.Scripting;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

public sealed class DefinitionTests
{
    [Fact]
    public void An_unsupported_element_is_refused_when_the_definitions_are_compiled()
    {
        var e = Assert.Throws<DefinitionException>(() => new ProcessBuilder("p")
            .Add(Start(), new UnsupportedActivity { Id = "ch", UnsupportedType = "callChoreography" }, End())
            .Chain("start", "ch", "end").Compile());

        Assert.Contains(e.Problems, p => p.StartsWith("ch:") && p.Contains("callChoreography"));
    }

    [Fact]
    public void A_condition_that_does_not_parse_is_refused_with_its_position()
    {
        var e = Assert.Throws<DefinitionException>(() => new ProcessBuilder("p")
            .Add(Start(), Xor("g"), End("a")).Chain("start", "g").Flow("g", "a", "${amount >}").Compile());

        Assert.Contains("column", Assert.Single(e.Problems));
    }

    [Fact]
    public void A_stored_set_compiles_each_expression_on_its_first_use_and_still_refuses_what_cannot_run()
    {
        // A stored version's expressions compiled when it was deployed; here one that would not, to show when it is parsed.
        var model = new ProcessBuilder("p").Add(Start(), Xor("g"), End("a")).Chain("start", "g").Flow("g", "a", "${amount >}").Model();
        var condition = model.Processes[0].Scope.Flows.Single(f => f.Condition is not null).Condition!;

        var stored = DefinitionSet.Stored(model);
        var failure = Assert.Throws<ScriptFailure>(() => stored.Compile(condition, ExpressionRole.Condition));
        Assert.Contains("column", failure.Message);
        Assert.Throws<DefinitionException>(() => DefinitionSet.From(model));

        // What the checker refuses apart from expressions it refuses for a stored set too.
        Assert.Throws<DefinitionException>(() => DefinitionSet.Stored(new ProcessBuilder("q")
            .Add(Start(), new CallActivity { Id = "c", CalledElement = "missing" }, End()).Chain("start", "c", "end").Model()));
    }

    [Fact]
    public void A_stored_set_runs_as_the_compiled_one_does()
    {
        var builder = new ProcessBuilder("p").Add(Start(), Xor("g"), End("big"), End("small"))
            .Chain("start", "g").Flow("g", "big", "${amount > 5}").Flow("g", "small", "${amount <= 5}");

        foreach (var set in new[] { DefinitionSet.Stored(builder.Model()), DefinitionSet.From(builder.Model()) })
        {
            Assert.Equal(["start", "g", "big"], Scenario.Run(set, r => r.Start(new { amount = 7 })).Completed);
            Assert.Equal(["start", "g", "small"], Scenario.Run(set, r => r.Start(new { amount = 2 })).Completed);
        }
    }

    [Fact]
    public void A_call_to_a_process_outside_the_set_is_refused() =>
        Assert.Throws<DefinitionException>(() => new ProcessBuilder("p")
            .Add(Start(), new CallActivity { Id = "c", CalledElement = "missing" }, End()).Chain("start", "c", "end").Compile());

    [Fact]
    public void The_source_model_stays_reachable_from_the_compiled_set()
    {
        var defs = new ProcessBuilder("p").Add(Start(), End()).Chain("start", "end").Compile();

        Assert.Equal("p", defs.Find("p")!.Id);
        Assert.Null(defs.Find("nope"));
    }

    [Theory]
    [InlineData("${a > 1}", ExpressionUse.Condition, true)]
    [InlineData("a >", ExpressionUse.Condition, false)]
    [InlineData("demo", ExpressionUse.Value, true)]
    [InlineData("${a +}", ExpressionUse.Value, false)]
    [InlineData("var x = 1; x", ExpressionUse.Script, true)]
    [InlineData("var = 1", ExpressionUse.Script, false)]
    public void The_expression_syntax_check_accepts_javascript_and_reports_where_it_breaks(string text, ExpressionUse use, bool ok)
    {
        var message = new JintExpressionSyntax().Check(new Expression(text), use);

        if (ok)
            Assert.Null(message);
        else
            Assert.Contains("column", message);
    }
}

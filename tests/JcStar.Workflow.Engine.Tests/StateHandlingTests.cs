using System.Collections.Immutable;
using JcStar.Workflow.Engine.Scripting;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>What the interpreter's shortcuts must not change: the state handed in, and the meaning of expressions.</summary>
public sealed class StateHandlingTests
{
    private static readonly DefinitionSet Review = new ProcessBuilder("p")
        .Add(Start(), Service("classify", "classify"), Xor("route", "auto"), User("review"), End("reviewed"), End("automatic"))
        .Chain("start", "classify", "route").Flow("route", "review", "${needsReview}").Flow("route", "automatic", id: "auto")
        .Chain("review", "reviewed").Compile();

    [Fact]
    public void A_bare_variable_condition_is_read_without_running_javascript() =>
        Assert.Equal(ExpressionForm.Variable, ExpressionCompiler.Compile("${needsReview}", ExpressionRole.Condition).Form);

    [Theory]
    [InlineData("${true}", ExpressionForm.Constant)]
    [InlineData("${undefined}", ExpressionForm.Expression)]
    [InlineData("${Math}", ExpressionForm.Expression)]
    [InlineData("${this}", ExpressionForm.Expression)]
    [InlineData("${execution}", ExpressionForm.Expression)]
    [InlineData("${a.b}", ExpressionForm.Expression)]
    [InlineData("${_x$1}", ExpressionForm.Variable)]
    public void Literals_globals_and_reserved_words_are_not_taken_for_variables(string text, ExpressionForm form) =>
        Assert.Equal(form, ExpressionCompiler.Compile(text, ExpressionRole.Condition).Form);

    [Fact]
    public void A_command_leaves_the_state_it_was_given_as_it_was()
    {
        var run = new InstanceRun(Review, restoreAfterEveryCommand: false).Start(new { needsReview = true });
        var before = run.State!;
        var json = InstanceStateSerializer.Serialize(before);

        run.CompleteJob("classify", new { docClass = "invoice" });

        Assert.Equal(json, InstanceStateSerializer.Serialize(before));
        Assert.NotEqual(json, InstanceStateSerializer.Serialize(run.State!));
    }

    [Fact]
    public void A_state_whose_instances_are_not_in_id_order_still_runs()
    {
        var run = new InstanceRun(Review, restoreAfterEveryCommand: false).Start(new { needsReview = true }).CompleteJob("classify");
        var waiting = run.State!;
        var shuffled = waiting with { Elements = [.. waiting.Elements.Reverse()] };
        var engine = new WorkflowEngine();

        var done = engine.Execute(Review, shuffled, new CompleteUserTask(run.TaskId("review"), ImmutableDictionary<string, System.Text.Json.JsonElement>.Empty), run.Now);

        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        Assert.Contains(done.Effects, e => e is FlowNodeCompleted { ElementId: "reviewed" });
    }

    [Fact]
    public void An_activity_sees_the_start_variables_and_a_later_change_does_not_reach_its_inputs()
    {
        var run = new InstanceRun(Review, restoreAfterEveryCommand: false).Start(new { needsReview = false, docId = "d1" });
        var invoked = run.All<ActivityInvoked>().Single();

        run.CompleteJob("classify", new { docId = "d2" });

        Assert.Equal("d1", invoked.Inputs["docId"].GetString());
        Assert.Equal("d2", run.Variable("docId").GetString());
        Assert.Equal(["start", "classify", "route", "automatic"], run.Completed);
    }
}

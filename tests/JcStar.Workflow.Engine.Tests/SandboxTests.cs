using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

public sealed class SandboxTests
{
    private static readonly EngineOptions Tight = new()
    {
        ScriptTimeout = TimeSpan.FromSeconds(5),
        ScriptMemoryLimitBytes = 8 * 1024 * 1024,
        ScriptRecursionLimit = 32,
        ScriptMaxStatements = 100_000,
    };

    private static IncidentRaised Incident(string script, EngineOptions? options = null)
    {
        var defs = new ProcessBuilder("p").Add(Start(), Script("s", script), End()).Chain("start", "s", "end").Compile();
        var run = new InstanceRun(defs, restoreAfterEveryCommand: false, options ?? Tight).Start(new { x = 1 });
        Assert.Equal(InstanceStatus.Waiting, run.Status);
        return run.All<IncidentRaised>().Single();
    }

    [Fact]
    public void An_endless_loop_ends_as_an_incident() =>
        Assert.Contains("statement limit", Incident("while (true) { }").Message);

    // The loop allocates a number per turn and Jint counts allocated (not live) bytes, so on a fast
    // enough machine the memory limit would win the race; only the time limit may stop it here.
    [Fact]
    public void An_endless_loop_under_a_high_statement_limit_is_stopped_by_the_time_limit() =>
        Assert.Contains("time limit", Incident("for (;;) { x = x + 1; }",
            Tight with { ScriptMaxStatements = int.MaxValue, ScriptMemoryLimitBytes = long.MaxValue / 2, ScriptTimeout = TimeSpan.FromMilliseconds(200) }).Message);

    [Fact]
    public void A_huge_allocation_ends_as_an_incident() =>
        Assert.Contains("memory limit", Incident("var a = []; for (;;) { a.push('x'.repeat(100000) + a.length); }", Tight with { ScriptMaxStatements = int.MaxValue }).Message);

    [Fact]
    public void Deep_recursion_ends_as_an_incident() =>
        Assert.Contains("recursion", Incident("function f(n) { return f(n + 1) + 1; } f(0);").Message);

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return this')()")]
    [InlineData("clr.GetType()")]
    public void Reaching_for_the_host_ends_as_an_incident(string script) =>
        Assert.NotEmpty(Incident(script).Message);

    [Fact]
    public void An_expression_cannot_leave_anything_behind_for_the_next_instance()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Xor("g", "d"), End("a"), End("b"))
            .Chain("start", "g").Flow("g", "a", "(globalThis.leak = 1) && typeof leak2 === 'undefined' && (globalThis.leak2 = 2)").Flow("g", "b", id: "d").Compile();
        var check = new ProcessBuilder("q").Add(Start(), Xor("g", "d"), End("a"), End("b"))
            .Chain("start", "g").Flow("g", "a", "typeof leak2 === 'undefined'").Flow("g", "b", id: "d").Compile();

        new InstanceRun(defs, false).Start();
        var second = new InstanceRun(check, false).Start();

        Assert.Contains("a", second.Completed);
    }
}

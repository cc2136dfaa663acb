using JcStar.Workflow.Bpmn.Model;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>Limits that protect the server from a model or a script, and incidents that name the limit hit.</summary>
public sealed class LimitTests
{
    private static DefinitionSet Ticking() => new ProcessBuilder("p")
        .Add(Start(), User("work"), Boundary("tick", "work", Timer("${cycle}", TimerKind.Cycle), interrupting: false), End(), End("tocked"))
        .Chain("start", "work", "end").Chain("tick", "tocked").Compile();

    [Fact]
    public void A_timer_cycle_given_by_an_expression_shorter_than_the_minimum_is_an_incident_naming_the_setting()
    {
        var run = Scenario.Run(Ticking(), r => r.Start(new { cycle = "R/PT0.001S" }));

        Assert.Empty(run.PendingTimers);
        var incident = run.All<IncidentRaised>().Single();
        Assert.Equal("work", incident.ElementId);
        Assert.Contains("Engine:MinimumTimerCycle", incident.Message);
    }

    [Fact]
    public void A_timer_cycle_at_or_above_the_minimum_from_the_options_is_scheduled()
    {
        var run = Scenario.Run(Ticking(), r => r.Start(new { cycle = "R/PT10S" }), new EngineOptions { MinimumTimerCycle = TimeSpan.FromSeconds(10) });

        Assert.Equal(["tick"], run.PendingTimers);
        Assert.Empty(run.All<IncidentRaised>());
    }

    private static IncidentRaised Incident(string script, EngineOptions options)
    {
        var defs = new ProcessBuilder("p").Add(Start(), Script("s", script), End()).Chain("start", "s", "end").Compile();
        var run = new InstanceRun(defs, restoreAfterEveryCommand: false, options).Start(new { x = 1 });
        return run.All<IncidentRaised>().Single();
    }

    [Fact]
    public void A_catastrophic_regular_expression_is_stopped_by_the_script_time_limit_and_says_so()
    {
        var message = Incident("/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')",
            EngineOptions.Default with { ScriptTimeout = TimeSpan.FromMilliseconds(300) }).Message;

        Assert.Contains("regular expression", message);
        Assert.Contains("00:00:00.3", message);
        Assert.Contains("Engine:ScriptTimeout", message);
    }

    [Fact]
    public void An_endless_loop_names_the_limit_it_hit_its_setting_and_what_it_counts()
    {
        // The time limit is set far off so that which limit is hit does not depend on the machine's speed or load.
        var message = Incident("for (;;) { x = x + 1; }", EngineOptions.Default with { ScriptTimeout = TimeSpan.FromMinutes(10) }).Message;

        // Jint counts allocated bytes, so the loop reaches the memory limit.
        Assert.Contains("memory limit of 16777216 bytes allocated exceeded (Engine:ScriptMemoryLimitBytes", message);
        Assert.Contains("a loop that never ends", message);
    }
}

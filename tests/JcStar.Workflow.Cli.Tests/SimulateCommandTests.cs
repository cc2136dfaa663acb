using System.CommandLine;
using System.Text.Json;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private static readonly string Fixtures = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Cli.Tests", "Fixtures", "simulate");
    private readonly string scratch = Directory.CreateTempSubdirectory("jcstar-sim-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private string Scenario(string json)
    {
        var path = Path.Combine(scratch, $"scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Exit, JsonElement? Report, string Error) Run(params string[] args)
    {
        var root = new RootCommand { SimulateCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["simulate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        var text = output.ToString();
        return (exit, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone(), error.ToString());
    }

    private static string[] Trace(JsonElement report) =>
        [.. report.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("element").GetString()!)];

    [Fact]
    public void Without_a_scenario_the_process_runs_to_its_first_wait_and_lists_open_tasks_and_timers()
    {
        var (exit, report, _) = Run(Fixture("escalation.bpmn"));
        Assert.Equal(0, exit);
        Assert.Equal("waiting", report!.Value.GetProperty("status").GetString());
        Assert.Equal(["start"], Trace(report.Value));
        var task = Assert.Single(report.Value.GetProperty("openTasks").EnumerateArray());
        Assert.Equal("task", task.GetProperty("element").GetString());
        Assert.Equal("審査", task.GetProperty("name").GetString());
        Assert.Equal(["staff"], task.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()));
        var timer = Assert.Single(report.Value.GetProperty("timers").EnumerateArray());
        Assert.Equal("late", timer.GetProperty("element").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 0, 0, 0, TimeSpan.Zero), timer.GetProperty("due").GetDateTimeOffset());
    }

    [Fact]
    public void A_process_with_a_conditional_start_starts_when_the_scenarios_start_variables_make_its_condition_hold()
    {
        var (exit, report, _) = Run(Fixture("conditional-start.bpmn"), "--scenario", Scenario("""{"variables":{"severity":8}}"""));

        Assert.Equal(0, exit);
        Assert.Equal(["Severe"], Trace(report!.Value));
        Assert.Equal("investigate", Assert.Single(report.Value.GetProperty("openTasks").EnumerateArray()).GetProperty("element").GetString());
    }

    [Fact]
    public void A_process_with_a_conditional_start_says_its_condition_did_not_hold_when_the_start_variables_do_not_make_it_hold()
    {
        var (exit, report, error) = Run(Fixture("conditional-start.bpmn"), "--scenario", Scenario("""{"variables":{"severity":3}}"""));

        Assert.NotEqual(0, exit);
        Assert.Null(report);
        Assert.Contains("the start condition of process 'Investigation' did not hold", error);
        Assert.Contains("start event Severe: ${severity >= 7}", error);
    }

    [Fact]
    public void Advancing_the_clock_past_a_non_interrupting_deadline_opens_the_escalation_and_leaves_the_task()
    {
        var (exit, report, _) = Run(Fixture("escalation.bpmn"), "--scenario", Scenario("""{"steps":[{"advance":"P11D"}]}"""));
        Assert.Equal(0, exit);
        Assert.Equal(["start", "late"], Trace(report!.Value));
        Assert.Equal(["esc", "task"], report.Value.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("element").GetString()).Order());
    }

    [Fact]
    public void Completing_tasks_with_variables_follows_the_gateway_and_completes()
    {
        var (exit, report, _) = Run(Fixture("escalation.bpmn"), "--scenario", Scenario("""
            {"variables":{"caseNumber":"A-1"},"steps":[{"complete":"task","variables":{"approved":false}}]}
            """));
        Assert.Equal(0, exit);
        Assert.Equal("completed", report!.Value.GetProperty("status").GetString());
        Assert.Equal(["start", "task", "gw", "ng"], Trace(report.Value));
        Assert.False(report.Value.GetProperty("variables").GetProperty("approved").GetBoolean());
        Assert.Equal("A-1", report.Value.GetProperty("variables").GetProperty("caseNumber").GetString());
        Assert.Empty(report.Value.GetProperty("timers").EnumerateArray());
    }

    [Fact]
    public void Draining_timers_moves_the_clock_to_each_pending_timer_in_turn()
    {
        var (_, report, _) = Run(Fixture("escalation.bpmn"), "--scenario", Scenario("""{"drainTimers":true}"""));
        Assert.Equal(["start", "late"], Trace(report!.Value));
        Assert.Empty(report.Value.GetProperty("timers").EnumerateArray());
    }

    [Fact]
    public void A_failing_script_ends_failed_with_the_reason_in_incidents()
    {
        var (exit, report, _) = Run(Fixture("script-failure.bpmn"), "--scenario", Scenario("""{"variables":{"price":60,"quantity":2}}"""));
        Assert.Equal(0, exit);
        Assert.Equal("failed", report!.Value.GetProperty("status").GetString());
        var incident = Assert.Single(report.Value.GetProperty("incidents").EnumerateArray());
        Assert.Equal("compute", incident.GetProperty("element").GetString());
        Assert.Contains("上限超過: 120", incident.GetProperty("message").GetString());
    }

    [Fact]
    public void A_passing_script_sets_its_variables()
    {
        var (_, report, _) = Run(Fixture("script-failure.bpmn"), "--scenario", Scenario("""{"variables":{"price":10,"quantity":3}}"""));
        Assert.Equal("completed", report!.Value.GetProperty("status").GetString());
        Assert.Equal(30, report.Value.GetProperty("variables").GetProperty("total").GetInt32());
    }

    [Fact]
    public void A_call_activity_runs_the_process_in_the_file_beside_it_with_in_and_out_mappings()
    {
        var (exit, report, error) = Run(Fixture("caller.bpmn"), "--scenario", Scenario("""{"variables":{"amount":21}}"""));
        Assert.True(exit == 0, error);
        Assert.Equal("completed", report!.Value.GetProperty("status").GetString());
        Assert.Equal(42, report.Value.GetProperty("variables").GetProperty("result").GetInt32());
        Assert.Equal(["start", "cs", "double", "ce", "call", "end"], Trace(report.Value));
    }

    [Fact]
    public void Several_runnable_processes_without_process_option_exit_2_naming_the_candidates()
    {
        var (exit, report, error) = Run(Fixture("two-processes.bpmn"));
        Assert.Equal(2, exit);
        Assert.Null(report);
        Assert.Contains("first", error);
        Assert.Contains("second", error);
        Assert.Contains("--process", error);
    }

    [Fact]
    public void The_process_option_chooses_which_process_runs()
    {
        var (exit, report, _) = Run(Fixture("two-processes.bpmn"), "--process", "second");
        Assert.Equal(0, exit);
        Assert.Equal(["s2", "t2", "e2"], Trace(report!.Value));
    }

    [Fact]
    public void An_invalid_definition_exits_1_with_diagnostics_on_stderr()
    {
        var (exit, report, error) = Run(Fixture("invalid.bpmn"));
        Assert.Equal(1, exit);
        Assert.Null(report);
        Assert.Contains("invalid.bpmn:5: f1:", error);
    }

    [Theory]
    [InlineData("""{"stepz":[]}""", "stepz: unknown key")]
    [InlineData("""{"steps":[{"complete":"task","message":"m"}]}""", "steps[0]: a step has exactly one of")]
    [InlineData("""{"steps":[{"advance":"30 days"}]}""", "steps[0].advance: '30 days' is not an ISO 8601 duration")]
    [InlineData("""{"steps":[{"complete":"nosuch"}]}""", "steps[0]: no open task 'nosuch' to complete (open: task)")]
    [InlineData("""{"steps":[""", "not valid JSON")]
    public void A_bad_scenario_exits_2_saying_what_and_where(string json, string expected)
    {
        var (exit, _, error) = Run(Fixture("escalation.bpmn"), "--scenario", Scenario(json));
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_missing_file_is_bad_usage()
    {
        var (exit, _, error) = Run(Path.Combine(scratch, "nope.bpmn"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file", error);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>
/// Issue 17 item 7: every decision is recorded with who made it. A decision task is one a procedure's
/// scheme.record-decision names; in every scenario, each time someone completes one and the case goes on to decide,
/// the case's decisions[] holds that task with that person, read from the history, not from the form.
/// </summary>
public sealed partial class DecisionRecordTests
{
    [GeneratedRegex("""<serviceTask id="([A-Za-z0-9_]+)"[^>]*jc:activity="scheme.record-decision"[\s\S]*?<jc:input name="task">\$\{'([A-Za-z0-9_]+)'\}""")]
    private static partial Regex RecordStep();

    /// <summary>The decision tasks of one procedure, each with the record-decision steps that name it.</summary>
    private static Dictionary<string, string[]> DecisionTasks(string workflow) =>
        RecordStep().Matches(File.ReadAllText(RepositoryPaths.InRepo("workflows", workflow + ".bpmn")))
            .GroupBy(m => m.Groups[2].Value, m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.ToArray());

    [Fact]
    public void Every_procedure_that_decides_names_its_decision_tasks_for_the_record()
    {
        foreach (var workflow in new[] { "self-declaration-application", "third-party-certification", "label-extension", "label-revocation", "facility-approval", "successor-maintenance", "surveillance", "unauthorized-label-use", "appeals-complaints-disputes" })
            Assert.True(DecisionTasks(workflow).Count > 0, $"{workflow}.bpmn records no decision maker");
    }

    [Theory]
    [MemberData(nameof(ScenarioTests.Scenarios), MemberType = typeof(ScenarioTests))]
    public async Task Each_decision_taken_in_the_scenario_is_recorded_with_the_person_who_took_it(string scenario)
    {
        using var run = await ScenarioRun.RunAsync(scenario);
        var status = run.Expect.GetProperty("status").GetString()!;
        var report = run.Completed(status);
        using var steps = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioRun.ScenariosRoot, scenario + ".json")));
        var completions = steps.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.TryGetProperty("complete", out _))
            .Select(s => (Task: s.GetProperty("complete").GetString()!, By: s.TryGetProperty("user", out var u) ? u.GetString() : null))
            .ToList();
        var recorded = report.Variables.TryGetValue("decisions", out var decisions)
            ? decisions.EnumerateArray().Select(d => (Task: d.GetProperty("task").GetString()!, By: d.GetProperty("by").GetString())).ToList()
            : [];
        foreach (var (task, recordSteps) in DecisionTasks(scenario.Split('/')[0]))
        {
            // The procedure's record step for this task runs once per decision taken on it.
            var decided = run.Trace.Count(recordSteps.Contains);
            var forTask = recorded.Where(r => r.Task == task).ToList();
            Assert.True(decided == forTask.Count, $"{scenario}: {task} was decided {decided} times but decisions[] records it {forTask.Count} times");
            var takers = completions.Where(c => c.Task == task).Select(c => c.By).ToList();
            Assert.True(forTask.Count <= takers.Count, $"{scenario}: {task} recorded more often than anyone completed it");
            foreach (var (_, by) in forTask)
            {
                Assert.False(string.IsNullOrEmpty(by), $"{scenario}: {task} recorded without who decided");
                Assert.True(takers.Contains(null) || takers.Contains(by), $"{scenario}: {task} recorded as decided by {by}, but it was completed by {string.Join(", ", takers)}");
            }
            // A case that ended after its decision task was completed reached a decision and recorded it.
            if (status == "completed" && takers.Count > 0)
                Assert.True(decided > 0, $"{scenario}: {task} was completed and the case ended, but no decision was recorded");
        }
    }
}

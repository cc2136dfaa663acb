using System.Text.Json;
using JcStar.Workflow.Simulation;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>
/// Every scenario under workflows/scenarios runs to the status it declares, passes through its expected
/// elements in order, produces exactly the letters and mails it names, and leaves the variables and the
/// registry entries it states.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ScenarioRun.ScenariosRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)) + "/" + Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Fact]
    public void Every_procedure_has_scenarios_and_every_scenario_folder_names_a_workflow()
    {
        var workflows = Directory.EnumerateFiles(Path.GetDirectoryName(ScenarioRun.ScenariosRoot)!, "*.bpmn").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var folders = Directory.EnumerateDirectories(ScenarioRun.ScenariosRoot).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(workflows, folders);
        foreach (var folder in Directory.EnumerateDirectories(ScenarioRun.ScenariosRoot))
            Assert.True(Directory.EnumerateFiles(folder, "*.json").Count() >= 2, $"{folder}: a procedure has at least two paths");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_scenario_runs_as_it_declares(string scenario)
    {
        using var run = await ScenarioRun.RunAsync(scenario);
        var expect = run.Expect;
        Assert.Equal(JsonValueKind.Object, expect.ValueKind);
        var report = run.Completed(expect.GetProperty("status").GetString()!);

        var expectedTrace = expect.GetProperty("trace").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(expectedTrace);
        AssertInOrder(expectedTrace, run.Trace, scenario);

        var documents = expect.GetProperty("documents").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(documents, report.Documents.Select(d => d.Template!).Order(StringComparer.Ordinal));
        Assert.All(report.Documents, d => Assert.True(File.Exists(d.Path), $"{d.Name} was not written"));

        var mails = expect.GetProperty("mails");
        if (mails.ValueKind == JsonValueKind.Number)
            Assert.Equal(mails.GetInt32(), report.Mails.Count);
        else
            Assert.Equal(mails.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal), report.Mails.Select(m => m.Template!).Order(StringComparer.Ordinal));
        Assert.All(report.Mails, m => Assert.True(File.Exists(m.Path), $"{m.Subject} was not written"));

        if (expect.TryGetProperty("variables", out var variables))
        {
            foreach (var v in variables.EnumerateObject())
            {
                Assert.True(report.Variables.TryGetValue(v.Name, out var actual), $"{scenario}: variable {v.Name} is not set");
                Assert.True(JsonElement.DeepEquals(v.Value, actual), $"{scenario}: variable {v.Name} is {actual}, expected {v.Value}");
            }
        }

        if (expect.TryGetProperty("registry", out var registry))
            AssertRegistry(scenario, registry, report.Registry);
    }

    /// <summary>Each expected id appears, in this order, possibly with other elements between.</summary>
    internal static void AssertInOrder(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string scenario)
    {
        var at = 0;
        foreach (var id in expected)
        {
            var found = -1;
            for (var i = at; i < actual.Count; i++)
            {
                if (actual[i] == id)
                {
                    found = i;
                    break;
                }
            }
            Assert.True(found >= 0, $"{scenario}: '{id}' does not follow in the trace after position {at}: {string.Join(" ", actual)}");
            at = found + 1;
        }
    }

    /// <summary>The registry holds exactly the entries listed; each listed field has the stated value.</summary>
    private static void AssertRegistry(string scenario, JsonElement expected, IReadOnlyList<RegistryEntryReport> actual)
    {
        var entries = expected.EnumerateArray().ToList();
        Assert.Equal(entries.Count, actual.Count);
        var json = JsonSerializer.SerializeToElement(actual);
        foreach (var entry in entries)
        {
            var number = entry.GetProperty("registrationNumber").GetString();
            var match = json.EnumerateArray().SingleOrDefault(a => a.GetProperty("registrationNumber").GetString() == number);
            Assert.True(match.ValueKind == JsonValueKind.Object, $"{scenario}: {number} is not in the registry");
            foreach (var field in entry.EnumerateObject())
            {
                var value = match.GetProperty(field.Name);
                Assert.True(JsonElement.DeepEquals(field.Value, value), $"{scenario}: {number}.{field.Name} is {value}, expected {field.Value}");
            }
        }
    }
}

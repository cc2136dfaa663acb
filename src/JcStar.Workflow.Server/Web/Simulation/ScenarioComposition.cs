using System.Text.Json;
using System.Text.Json.Nodes;

namespace JcStar.Workflow.Server.Web.Simulation;

/// <summary>
/// The simulation form's composed scenario, written as a scenario file would be (so the same strict reader checks
/// it): start variables, then each filled step row (complete a task, a message, time advanced) with its variables.
/// </summary>
public static class ScenarioComposition
{
    public const int StepRows = 6;

    public static readonly string[] Kinds = ["complete", "message", "advance"];

    public const string Source = "form";

    /// <summary>The scenario's JSON, or the problems that name the field (a JSON mistake with its line).</summary>
    public static (string? Json, IReadOnlyList<string> Problems) Compose(IFormCollection form)
    {
        var problems = new List<string>();
        var scenario = new JsonObject();
        if (Parse(form["variables"].ToString(), "variables", problems) is { } variables)
            scenario["variables"] = variables;
        var steps = new JsonArray();
        for (var i = 0; i < StepRows; i++)
        {
            var kind = form[$"step{i}-kind"].ToString();
            if (kind.Length == 0)
                continue;
            var at = $"steps[{steps.Count}]";
            if (!Kinds.Contains(kind, StringComparer.Ordinal))
            {
                problems.Add($"{Source}: {at}: '{kind}' is not a kind of step (expected one of {string.Join(", ", Kinds)})");
                continue;
            }
            var step = new JsonObject { [kind] = form[$"step{i}-target"].ToString().Trim() };
            if (Parse(form[$"step{i}-variables"].ToString(), at + ".variables", problems) is { } stepVariables)
                step["variables"] = stepVariables;
            if (kind == "message" && form[$"step{i}-key"].ToString().Trim() is { Length: > 0 } key)
                step["correlationKey"] = key;
            steps.Add(step);
        }
        scenario["steps"] = steps;
        if (form["drainTimers"].ToString() is "on" or "true")
            scenario["drainTimers"] = true;
        return problems.Count > 0 ? (null, problems) : (scenario.ToJsonString(), problems);
    }

    private static JsonNode? Parse(string text, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            problems.Add($"{Source}: {field}: not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message}");
            return null;
        }
    }
}

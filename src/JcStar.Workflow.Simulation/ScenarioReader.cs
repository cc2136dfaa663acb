using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Timers;

namespace JcStar.Workflow.Simulation;

/// <summary>Reads a scenario file strictly: an unknown key or a wrong type names the file and the place, so a typo never silently does nothing.</summary>
public static class ScenarioReader
{
    private static readonly string[] TopKeys = ["variables", "steps", "drainTimers", "businessKey", "start", "startMessage", "given", "expect", "description"];
    private static readonly string[] StepKeys = ["complete", "message", "correlationKey", "signal", "advance", "choose", "variables", "user", "description"];

    public static Scenario Read(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{source}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ScenarioException($"{source}: a scenario is a JSON object");
            RejectUnknown(root, TopKeys, source, "");
            var scenario = new Scenario
            {
                Variables = Variables(root, source, "variables"),
                DrainTimers = root.TryGetProperty("drainTimers", out var d) && Bool(d, source, "drainTimers"),
                BusinessKey = root.TryGetProperty("businessKey", out var bk) ? Text(bk, source, "businessKey") : null,
                StartMessage = root.TryGetProperty("startMessage", out var sm) ? Text(sm, source, "startMessage") : null,
                Expect = root.TryGetProperty("expect", out var ex) ? ex.Clone() : null,
                Given = root.TryGetProperty("given", out var given) ? ScenarioGiven.Read(given, source) : ScenarioGiven.None,
            };
            if (root.TryGetProperty("start", out var start))
            {
                if (!DateTimeOffset.TryParse(Text(start, source, "start"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
                    throw new ScenarioException($"{source}: start: '{start}' is not an ISO 8601 date-time");
                scenario = scenario with { Start = at };
            }
            if (root.TryGetProperty("steps", out var steps))
            {
                if (steps.ValueKind != JsonValueKind.Array)
                    throw new ScenarioException($"{source}: steps: expected an array");
                scenario = scenario with { Steps = [.. steps.EnumerateArray().Select((s, i) => Step(s, i, source))] };
            }
            return scenario;
        }
    }

    private static ScenarioStep Step(JsonElement step, int index, string source)
    {
        var at = $"steps[{index}]";
        if (step.ValueKind != JsonValueKind.Object)
            throw new ScenarioException($"{source}: {at}: expected an object");
        RejectUnknown(step, StepKeys, source, at + ".");
        var kinds = new[] { "complete", "message", "signal", "advance", "choose" }.Where(k => step.TryGetProperty(k, out _)).ToList();
        if (kinds.Count != 1)
            throw new ScenarioException($"{source}: {at}: a step has exactly one of complete, message, signal, advance, choose (found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))})");
        var result = new ScenarioStep { Index = index, Variables = Variables(step, source, at + ".variables") };
        switch (kinds[0])
        {
            case "complete":
                result = result with { Complete = Text(step.GetProperty("complete"), source, at + ".complete") };
                break;
            case "message":
                result = result with { Message = Text(step.GetProperty("message"), source, at + ".message") };
                break;
            case "signal":
                result = result with { Signal = Text(step.GetProperty("signal"), source, at + ".signal") };
                break;
            case "choose":
                result = result with { Choose = Text(step.GetProperty("choose"), source, at + ".choose") };
                break;
            default:
                var text = Text(step.GetProperty("advance"), source, at + ".advance");
                if (!IsoTimer.TryParse(TimerKind.Duration, text, out var timer, out var error))
                    throw new ScenarioException($"{source}: {at}.advance: '{text}' is not an ISO 8601 duration such as P30D or PT2H ({error})");
                result = result with { Advance = timer, AdvanceText = text };
                break;
        }
        if (step.TryGetProperty("correlationKey", out var key))
            result = result with { CorrelationKey = key.ValueKind == JsonValueKind.Number ? key.GetRawText() : Text(key, source, at + ".correlationKey") };
        if (step.TryGetProperty("user", out var user))
            result = result with { User = Text(user, source, at + ".user") };
        return result;
    }

    private static ImmutableDictionary<string, JsonElement> Variables(JsonElement parent, string source, string path)
    {
        var name = path.Split('.')[^1];
        if (!parent.TryGetProperty(name, out var vars))
            return ImmutableDictionary<string, JsonElement>.Empty;
        if (vars.ValueKind != JsonValueKind.Object)
            throw new ScenarioException($"{source}: {path}: expected an object of variables");
        return vars.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static void RejectUnknown(JsonElement obj, string[] known, string source, string prefix)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
                throw new ScenarioException($"{source}: {prefix}{p.Name}: unknown key (expected one of {string.Join(", ", known)})");
        }
    }

    private static string Text(JsonElement e, string source, string path) =>
        e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())
            ? e.GetString()!
            : throw new ScenarioException($"{source}: {path}: expected a non-empty string");

    private static bool Bool(JsonElement e, string source, string path) =>
        e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ScenarioException($"{source}: {path}: expected true or false"),
        };
}

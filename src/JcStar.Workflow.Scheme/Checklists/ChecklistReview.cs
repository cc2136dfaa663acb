using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>
/// The ★1 review item by item, as the checklist-review form submits it: <c>item01</c> … <c>item16</c> (conforms,
/// doesNotConform, question) for S1.1-01 … S1.1-16, each with <c>item01Reason</c> …; and the <c>decision</c>
/// (grant, refuse, question). The same rules judge the form before the task completes and the case after it.
/// </summary>
public static class ChecklistReview
{
    public const string FormKey = "checklist-review";

    public static string JudgementKey(int number) => "item" + number.ToString("00", CultureInfo.InvariantCulture);

    public static string ReasonKey(int number) => JudgementKey(number) + "Reason";

    public static string Wire(ItemJudgement judgement) => judgement switch
    {
        ItemJudgement.Conforms => "conforms",
        ItemJudgement.DoesNotConform => "doesNotConform",
        _ => "question",
    };

    /// <summary>The judged items in checklist order; items not judged at all are left out.</summary>
    public static ImmutableArray<JudgedItem> Read(Func<string, JsonElement?> find)
    {
        var items = ImmutableArray.CreateBuilder<JudgedItem>();
        for (var n = 1; n <= Star1Checklist.RequirementIds.Length; n++)
        {
            if (Judgement(find(JudgementKey(n))) is not { } judgement)
                continue;
            items.Add(new JudgedItem(Star1Checklist.RequirementIds[n - 1], judgement, Text(find(ReasonKey(n)))));
        }
        return items.ToImmutable();
    }

    /// <summary>
    /// Every problem with a submitted review, by form field: for ★1 all 16 items are judged; an item that does not
    /// conform or is questioned carries its reason; the decision agrees with the items (grant only when all conform,
    /// refuse only with an item that does not conform, question only with a questioned item).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(string? level, Func<string, JsonElement?> find)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string key, string message) => errors[key] = errors.TryGetValue(key, out var m) ? [.. m, message] : [message];

        var star1 = string.Equals(level, "Star1", StringComparison.Ordinal);
        for (var n = 1; n <= Star1Checklist.RequirementIds.Length; n++)
        {
            var id = Star1Checklist.RequirementIds[n - 1];
            var raw = find(JudgementKey(n));
            var judgement = Judgement(raw);
            if (judgement is null && raw is { } given && given.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && !(given.ValueKind == JsonValueKind.String && given.GetString() is "" or null))
                Add(JudgementKey(n), $"{id} ({JudgementKey(n)}): '{given}' is not conforms, doesNotConform or question");
            else if (judgement is null && star1)
                Add(JudgementKey(n), $"{id} ({JudgementKey(n)}) is not judged; a ★1 review judges all 16 items");
            if (judgement is ItemJudgement.DoesNotConform or ItemJudgement.Question && Text(find(ReasonKey(n))) is null)
                Add(ReasonKey(n), $"{id} ({ReasonKey(n)}): a reason is required when the item {(judgement == ItemJudgement.Question ? "is questioned" : "does not conform")}");
        }

        var items = Read(find);
        var decision = Text(find("decision"));
        var failed = items.Where(i => i.Judgement == ItemJudgement.DoesNotConform).Select(i => i.RequirementId).ToList();
        var questioned = items.Where(i => i.Judgement == ItemJudgement.Question).Select(i => i.RequirementId).ToList();
        switch (decision)
        {
            case "grant" when failed.Count > 0 || questioned.Count > 0:
                Add("decision", $"decision: the label cannot be granted while {string.Join(", ", failed.Concat(questioned))} {(failed.Count + questioned.Count == 1 ? "does" : "do")} not conform or {(failed.Count + questioned.Count == 1 ? "is" : "are")} questioned");
                break;
            case "refuse" when failed.Count == 0 && (star1 || Text(find("reasons")) is null):
                Add("decision", star1
                    ? "decision: a refusal names at least one item that does not conform"
                    : "decision: a refusal names an item that does not conform or gives its reasons (reasons)");
                break;
            case "question" when questioned.Count == 0 && (star1 || Text(find("question")) is null):
                Add("decision", star1
                    ? "decision: a question to the applicant names at least one questioned item"
                    : "decision: a question to the applicant names a questioned item or states the question (question)");
                break;
        }
        return errors;
    }

    private static ItemJudgement? Judgement(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? s.GetString() switch
        {
            "conforms" => ItemJudgement.Conforms,
            "doesNotConform" => ItemJudgement.DoesNotConform,
            "question" => ItemJudgement.Question,
            _ => null,
        } : null;

    private static string? Text(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s && s.GetString() is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
}

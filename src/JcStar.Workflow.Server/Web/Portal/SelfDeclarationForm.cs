using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Scheme.Checklists;
using Microsoft.AspNetCore.Http;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// The ★1・★2 self-declaration as the portal asks it: the start form's fields (workflows/forms/self-declaration-start.form,
/// the same the runtime checks when the case starts), and for ★1 the checklist, every item S1.1-01 … S1.1-16 with its
/// result and its evidence (or why it does not apply). The checklist's fields are <c>checklist.S1_1_NN.result</c> and
/// <c>.evidence</c>: the case variable <c>checklist</c> holds one object per item.
/// </summary>
public static class SelfDeclarationForm
{
    public const string ProcessId = "SelfDeclarationApplication";
    public const string FormKey = "self-declaration-start";

    public static string ItemKey(string requirementId) => requirementId.Replace('.', '_').Replace('-', '_');

    public static string ResultField(string requirementId) => $"checklist.{ItemKey(requirementId)}.result";

    public static string EvidenceField(string requirementId) => $"checklist.{ItemKey(requirementId)}.evidence";

    public static bool IsChecklistField(FormField field) => field.Key.StartsWith("checklist.", StringComparison.Ordinal);

    /// <summary>The fields' values as the process reads them (nested), without the checklist for ★2.</summary>
    public static ImmutableDictionary<string, JsonElement> Variables(FormSchema form, IFormCollection posted)
    {
        var flat = FormValues.Read(form, posted);
        if (!IsStar1(flat))
            flat = flat.RemoveRange(flat.Keys.Where(k => k.StartsWith("checklist.", StringComparison.Ordinal)).ToList());
        return FormValues.Nest(flat);
    }

    /// <summary>Every problem by field key: the start form's own checks, then the ★1 checklist's (an answer and its evidence for each item).</summary>
    public static Dictionary<string, string[]> Problems(FormSchema form, IFormCollection posted)
    {
        var flat = FormValues.Read(form, posted);
        var errors = form.Validate(flat).Errors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (!IsStar1(flat))
            return errors;
        var results = new List<ChecklistItemResult>();
        foreach (var id in Star1Checklist.RequirementIds)
        {
            var result = flat.TryGetValue(ResultField(id), out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var evidence = flat.TryGetValue(EvidenceField(id), out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (result is null)
                errors.TryAdd(ResultField(id), [$"{id}: choose the result (結果を選んでください)"]);
            if (string.IsNullOrWhiteSpace(evidence))
                errors.TryAdd(EvidenceField(id), [$"{id}: give the evidence, or why the item does not apply (根拠または該当しない理由を記入してください)"]);
            if (Enum.TryParse<ConformanceResult>(result, out var parsed))
                results.Add(new ChecklistItemResult(id, AssessmentMethod.DocumentReview, parsed, evidence));
        }
        foreach (var finding in Star1Checklist.Review(results).Where(f => results.Any(r => r.RequirementId == f.RequirementId)))
            errors.TryAdd(ResultField(finding.RequirementId), [finding.Message]);
        return errors;
    }

    private static bool IsStar1(IReadOnlyDictionary<string, JsonElement> flat) =>
        flat.TryGetValue("level", out var level) && level.ValueKind == JsonValueKind.String && level.GetString() == "Star1";
}

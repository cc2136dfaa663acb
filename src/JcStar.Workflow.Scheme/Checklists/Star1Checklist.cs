using System.Collections.Immutable;
using System.Globalization;

namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>The ★1 checklist (チェックリスト): 16 requirements S1.1-01 … S1.1-16, each with a result.</summary>
public static class Star1Checklist
{
    public static ImmutableArray<string> RequirementIds { get; } =
        [.. Enumerable.Range(1, 16).Select(i => "S1.1-" + i.ToString("00", CultureInfo.InvariantCulture))];

    /// <summary>Every finding that stops the checklist passing; empty when it passes.</summary>
    public static IReadOnlyList<ChecklistFinding> Review(IReadOnlyCollection<ChecklistItemResult> results)
    {
        var findings = new List<ChecklistFinding>();
        var known = RequirementIds.ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in results.Where(r => !known.Contains(r.RequirementId)))
            findings.Add(new(unknown.RequirementId, $"{unknown.RequirementId} is not a ★1 requirement (S1.1-01 … S1.1-16)"));
        foreach (var dup in results.GroupBy(r => r.RequirementId).Where(g => g.Count() > 1))
            findings.Add(new(dup.Key, $"{dup.Key} is answered {dup.Count()} times"));
        var byId = results.GroupBy(r => r.RequirementId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var id in RequirementIds)
        {
            if (!byId.TryGetValue(id, out var r))
                findings.Add(new(id, $"{id} has no result"));
            else if (r.Result == ConformanceResult.DoesNotConform)
                findings.Add(new(id, $"{id} does not conform"));
            else if (r.Result == ConformanceResult.NotApplicable && string.IsNullOrWhiteSpace(r.Justification))
                findings.Add(new(id, $"{id} is marked not applicable without a justification"));
        }
        return findings;
    }
}

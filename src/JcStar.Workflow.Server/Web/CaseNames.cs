using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Server.Web;

/// <summary>The application numbers (<see cref="CaseFacts.ApplicationNumber"/>) of a page's cases, read in one query.</summary>
public static class CaseNames
{
    public static async Task<Dictionary<string, string>> ApplicationNumbersAsync(WorkflowQueries queries, IEnumerable<string> instanceIds, WorkflowActor actor)
    {
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            return [];
        var variables = await queries.CasesVariablesAsync(ids, actor);
        return variables
            .Select(v => (v.Key, Number: CaseFacts.From(v.Value).ApplicationNumber))
            .Where(v => v.Number is not null)
            .ToDictionary(v => v.Key, v => v.Number!, StringComparer.Ordinal);
    }
}

using System.Collections.Concurrent;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// The display name of each deployed procedure (its latest version), for the inbox's and the cases list's filters
/// and columns. Each request asks the store only for the latest versions' ids; a version's name is read once
/// (a deployed version never changes), so lists no longer read every definition's XML per request.
/// </summary>
public sealed class ProcedureNames(IDefinitionStore definitions)
{
    private readonly ConcurrentDictionary<string, (string ProcessId, string Name)> byDefinition = new(StringComparer.Ordinal);

    /// <summary>Process id → name (the process id when the diagram names none), ordered by process id.</summary>
    public async Task<Dictionary<string, string>> LatestAsync(CancellationToken ct = default) =>
        await LatestAsync(await definitions.ListLatestIdsAsync(ct), ct);

    /// <summary>The same for latest-version ids the caller has just read (a page that also wants <see cref="ProcedureSteps"/> reads them once).</summary>
    public async Task<Dictionary<string, string>> LatestAsync(IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        if (ids.Any(id => !byDefinition.ContainsKey(id)))
        {
            foreach (var d in await definitions.ListLatestAsync(ct))
                byDefinition[d.Id] = (d.ProcessId, d.Name ?? d.ProcessId);
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (byDefinition.TryGetValue(id, out var known))
                names[known.ProcessId] = known.Name;
        }
        return names;
    }
}

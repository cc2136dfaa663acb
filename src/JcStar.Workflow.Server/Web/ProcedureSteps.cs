using System.Collections.Concurrent;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// The user tasks (steps) of each deployed procedure's latest version, for the inbox's step filter. A version never
/// changes, so its steps are read from its model once.
/// </summary>
public sealed class ProcedureSteps(IDefinitionStore definitions, DefinitionCatalog catalog)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<ProcedureStep>> byDefinition = new(StringComparer.Ordinal);

    /// <summary>Process id → its user tasks in the order the diagram lists them (nested sub-processes included).</summary>
    public async Task<Dictionary<string, IReadOnlyList<ProcedureStep>>> LatestAsync(CancellationToken ct = default) =>
        await LatestAsync(await definitions.ListLatestIdsAsync(ct), ct);

    /// <summary>The same for latest-version ids the caller has just read.</summary>
    public async Task<Dictionary<string, IReadOnlyList<ProcedureStep>>> LatestAsync(IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        var steps = new Dictionary<string, IReadOnlyList<ProcedureStep>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!byDefinition.TryGetValue(id, out var known))
            {
                if (await definitions.FindAsync(id, ct) is not { } definition)
                    continue;
                var process = (await catalog.ModelsAsync(definition, ct))[0].Processes.FirstOrDefault(p => p.Id == definition.ProcessId);
                known = process is null ? [] : [.. Nodes(process.Scope).OfType<UserTask>().Select(t => new ProcedureStep(t.Id, t.Name ?? t.Id)).DistinctBy(s => s.ElementId)];
                byDefinition[id] = known;
            }
            steps[id[..id.LastIndexOf(':')]] = known;
        }
        return steps;
    }

    private static IEnumerable<FlowNode> Nodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess sub ? [n, .. Nodes(sub.Scope)] : new[] { n });
}

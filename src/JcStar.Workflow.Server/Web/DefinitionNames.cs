using System.Collections.Concurrent;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// The element names and the process name of each deployed version, for the case page: a version never changes once
/// deployed, so its XML is read and parsed once, not on every request for one of its cases.
/// </summary>
public sealed class DefinitionNames(IDefinitionStore definitions, DefinitionCatalog catalog)
{
    private readonly ConcurrentDictionary<string, NamesOfDefinition> byDefinition = new(StringComparer.Ordinal);

    /// <returns>Null when no such version is stored (nothing is cached then).</returns>
    public async Task<NamesOfDefinition?> OfAsync(string definitionId, string processId, CancellationToken ct = default)
    {
        if (byDefinition.TryGetValue(definitionId, out var known))
            return known;
        if (await definitions.FindAsync(definitionId, ct) is not { } definition)
            return null;
        var models = await catalog.ModelsAsync(definition, ct);
        var names = new NamesOfDefinition(
            DiagramFacts.ElementNames(models),
            models[0].Processes.FirstOrDefault(p => p.Id == processId)?.Name ?? processId);
        return byDefinition.GetOrAdd(definitionId, names);
    }
}

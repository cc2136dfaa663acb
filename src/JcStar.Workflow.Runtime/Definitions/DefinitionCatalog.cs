using System.Collections.Concurrent;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// Compiled definitions by definition id: the definition's own model plus the pinned versions of
/// the processes it calls. A deployed version never changes, so a compiled set is cached for the life
/// of the process; every node compiles the same set from the same stored rows.
/// </summary>
public sealed class DefinitionCatalog(IDefinitionStore store, IBpmnModelReader reader)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DefinitionSet>>> _compiled = new(StringComparer.Ordinal);

    public Task<DefinitionSet> GetAsync(string definitionId, CancellationToken cancellationToken)
    {
        var lazy = _compiled.GetOrAdd(definitionId, id => new Lazy<Task<DefinitionSet>>(() => CompileAsync(id)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
            _compiled.TryRemove(new KeyValuePair<string, Lazy<Task<DefinitionSet>>>(definitionId, lazy));
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>The models a definition runs with: its own first, then each pinned callee once (transitively).</summary>
    public async Task<IReadOnlyList<BpmnModel>> ModelsAsync(DeployedDefinition root, CancellationToken ct)
    {
        var models = new List<BpmnModel>();
        var processIds = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<DeployedDefinition>([root]);
        while (pending.TryDequeue(out var definition))
        {
            if (!seen.Add(definition.Id))
                continue;
            var model = Read(definition);
            // A callee file that also holds a process we already have would make the set ambiguous; the first (closest) wins.
            if (model.Processes.Any(p => processIds.Contains(p.Id)))
                continue;
            processIds.UnionWith(model.Processes.Select(p => p.Id));
            models.Add(model);
            foreach (var calledId in definition.CalledDefinitionIds)
            {
                var called = await store.FindAsync(calledId, ct)
                    ?? throw new InvalidOperationException($"definition {definition.Id} calls {calledId}, which is not stored");
                pending.Enqueue(called);
            }
        }
        return models;
    }

    private async Task<DefinitionSet> CompileAsync(string definitionId)
    {
        var definition = await store.FindAsync(definitionId, CancellationToken.None)
            ?? throw new WorkflowNotFoundException($"definition {definitionId} is not deployed");
        return DefinitionSet.From([.. await ModelsAsync(definition, CancellationToken.None)]);
    }

    private BpmnModel Read(DeployedDefinition definition) =>
        reader.Read(definition.Xml, definition.SourceName).Model
            ?? throw new InvalidOperationException($"stored definition {definition.Id} no longer reads");
}

using System.Collections.Concurrent;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// Definitions ready to run, by definition id: the definition's own model plus the pinned versions of
/// the processes it calls. A deployed version never changes, so a compiled set is cached for the life
/// of the process; every node compiles the same set from the same stored rows. For the same reason a stored version's
/// model is read from its XML once (the pages that list procedures' steps and names read them again and again).
/// </summary>
public sealed class DefinitionCatalog(IDefinitionStore store, IBpmnModelReader reader)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DefinitionSet>>> _compiled = new(StringComparer.Ordinal);
    // By version id, with the text it was read from: a kept model serves only the same XML and source name (a database
    // emptied and filled again under the same process can reuse an id).
    private readonly ConcurrentDictionary<string, ReadModel> _models = new(StringComparer.Ordinal);

    public Task<DefinitionSet> GetAsync(string definitionId, CancellationToken cancellationToken)
    {
        var lazy = _compiled.GetOrAdd(definitionId, id => new Lazy<Task<DefinitionSet>>(() => CompileAsync(id)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
            _compiled.TryRemove(new KeyValuePair<string, Lazy<Task<DefinitionSet>>>(definitionId, lazy));
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>The models a definition runs with: its own first, then each pinned callee once (transitively).</summary>
    /// <param name="rootModel">The root's model when the caller has just read it from the root's XML (a deployment does).</param>
    public async Task<IReadOnlyList<BpmnModel>> ModelsAsync(DeployedDefinition root, CancellationToken ct, BpmnModel? rootModel = null)
    {
        var models = new List<BpmnModel>();
        var processIds = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<DeployedDefinition>([root]);
        while (pending.TryDequeue(out var definition))
        {
            if (!seen.Add(definition.Id))
                continue;
            var model = ReferenceEquals(definition, root) && rootModel is not null ? rootModel : Read(definition);
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
        // A stored version's expressions all compiled when it was deployed; each is compiled again on its first use only.
        return DefinitionSet.Stored([.. await ModelsAsync(definition, CancellationToken.None)]);
    }

    /// <summary>
    /// Keeps the model of a stored version that its publisher read from the same XML and source name, so it is not read
    /// again (the deployment at start publishes or finds every latest version, which the inbox asks for next).
    /// </summary>
    public void Remember(DeployedDefinition stored, string xml, string sourceName, BpmnModel model)
    {
        if (stored.Version > 0 && string.Equals(stored.Xml, xml, StringComparison.Ordinal) && string.Equals(stored.SourceName, sourceName, StringComparison.Ordinal))
            _models[stored.Id] = new ReadModel(xml, sourceName, model);
    }

    // A version that is not stored yet (a deployment's candidate, version 0) is read each time: its id is not its own.
    private BpmnModel Read(DeployedDefinition definition)
    {
        if (definition.Version == 0)
            return ReadNow(definition);
        if (_models.TryGetValue(definition.Id, out var kept) && kept.Matches(definition))
            return kept.Model;
        var model = ReadNow(definition);
        _models[definition.Id] = new ReadModel(definition.Xml, definition.SourceName, model);
        return model;
    }

    private sealed record ReadModel(string Xml, string SourceName, BpmnModel Model)
    {
        public bool Matches(DeployedDefinition definition) =>
            string.Equals(Xml, definition.Xml, StringComparison.Ordinal) && string.Equals(SourceName, definition.SourceName, StringComparison.Ordinal);
    }

    // A stored version validated before it was stored: its expressions are not parsed again (IBpmnModelReader.ReadStored).
    private BpmnModel ReadNow(DeployedDefinition definition) =>
        (definition.Version == 0 ? reader.Read(definition.Xml, definition.SourceName) : reader.ReadStored(definition.Xml, definition.SourceName)).Model
            ?? throw new InvalidOperationException($"stored definition {definition.Id} no longer reads");
}

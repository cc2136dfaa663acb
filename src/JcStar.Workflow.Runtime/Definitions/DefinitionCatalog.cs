using System.Collections.Concurrent;
using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// Compiled definitions by definition id. A deployed version never changes, so a compiled set is
/// cached for the life of the process; every node compiles from the same stored XML.
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

    private async Task<DefinitionSet> CompileAsync(string definitionId)
    {
        var definition = await store.FindAsync(definitionId, CancellationToken.None)
            ?? throw new WorkflowNotFoundException($"definition {definitionId} is not deployed");
        var read = reader.Read(definition.Xml, definition.SourceName);
        if (read.Model is null)
            throw new InvalidOperationException($"stored definition {definitionId} no longer reads: {string.Join("; ", read.Diagnostics)}");
        return DefinitionSet.From(read.Model);
    }
}

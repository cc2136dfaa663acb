using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>
/// The form a case sees: the one stored with its definition version when the version was published, so a case keeps
/// the form it started with whatever is published after. A version published before forms were stored with versions
/// has none: it falls back to the form source (the file in <c>workflows/forms</c>), as it always read.
/// </summary>
public sealed class DefinitionForms(IDefinitionFormStore store, IFormSource source, Definitions.IDefinitionStore definitions)
{
    // Stored forms never change once a version has them: read once per version (a version without forms is asked again,
    // since the next deployment of unchanged files stores the files' forms with it).
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, FormDocument>> _stored = new(StringComparer.Ordinal);

    public IFormSource Source => source;

    /// <returns>null when neither the version nor the source has a form of that key.</returns>
    /// <exception cref="FormatException">The form is broken.</exception>
    public async Task<FormDocument?> FindAsync(string? definitionId, string formKey, CancellationToken cancellationToken = default)
    {
        if (definitionId is not null && (await StoredAsync(definitionId, cancellationToken)).TryGetValue(formKey, out var stored))
            return stored;
        return source.Find(formKey);
    }

    /// <summary>A form of the process's latest version (what a case started now gets): a start form before the case exists.</summary>
    /// <exception cref="FormatException">The form is broken.</exception>
    public async Task<FormDocument?> FindLatestAsync(string processId, string formKey, CancellationToken cancellationToken = default) =>
        await FindAsync((await definitions.FindLatestAsync(processId, cancellationToken))?.Id, formKey, cancellationToken);

    /// <summary>The forms stored with a version, by key (empty for a version published before forms were stored).</summary>
    public async Task<ImmutableDictionary<string, FormDocument>> StoredAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        if (_stored.TryGetValue(definitionId, out var known))
            return known;
        var forms = (await store.ListAsync(definitionId, cancellationToken))
            .ToImmutableDictionary(f => f.Key, f => FormDocument.Read(f.Key, f.Value, $"{definitionId}/{f.Key}.form"), StringComparer.Ordinal);
        if (!forms.IsEmpty)
            _stored[definitionId] = forms;
        return forms;
    }

    /// <summary>Stores forms with a version (the deployment's part).</summary>
    public async Task AddAsync(string definitionId, IReadOnlyDictionary<string, string> forms, CancellationToken cancellationToken)
    {
        if (forms.Count == 0)
            return;
        await store.AddAsync(definitionId, forms, cancellationToken);
        _stored.TryRemove(definitionId, out _);
    }
}

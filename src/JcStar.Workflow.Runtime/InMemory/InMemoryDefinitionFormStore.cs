using System.Collections.Concurrent;
using System.Collections.Immutable;
using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Runtime.InMemory;

public sealed class InMemoryDefinitionFormStore : IDefinitionFormStore
{
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, string>> _forms = new(StringComparer.Ordinal);

    public Task<ImmutableDictionary<string, string>> ListAsync(string definitionId, CancellationToken cancellationToken) =>
        Task.FromResult(_forms.GetValueOrDefault(definitionId) ?? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    public Task AddAsync(string definitionId, IReadOnlyDictionary<string, string> forms, CancellationToken cancellationToken)
    {
        _forms.AddOrUpdate(definitionId,
            _ => forms.ToImmutableDictionary(StringComparer.Ordinal),
            (_, stored) => stored.AddRange(forms.Where(f => !stored.ContainsKey(f.Key))));
        return Task.CompletedTask;
    }
}

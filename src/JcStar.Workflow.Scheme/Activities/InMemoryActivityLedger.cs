using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Scheme.Activities;

public sealed class InMemoryActivityLedger : IActivityLedger
{
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, JsonElement>> outputs = new(StringComparer.Ordinal);

    public ImmutableDictionary<string, JsonElement>? Find(string idempotencyKey) => outputs.GetValueOrDefault(idempotencyKey);

    public void Record(string idempotencyKey, ImmutableDictionary<string, JsonElement> value) => outputs.TryAdd(idempotencyKey, value);
}

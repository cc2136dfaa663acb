using System.Collections.Concurrent;

namespace JcStar.Workflow.Scheme.Numbering;

public sealed class InMemorySequenceStore : ISequenceStore
{
    private readonly ConcurrentDictionary<string, long> counters = new(StringComparer.Ordinal);

    public long Next(string sequence) => counters.AddOrUpdate(sequence, 1, (_, n) => n + 1);
}

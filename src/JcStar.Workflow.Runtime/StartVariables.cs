using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime;

/// <summary>Every start's variables as the <see cref="IStartVariableSource"/>s complete them, in registration order, whoever starts the instance.</summary>
public sealed class StartVariables(IEnumerable<IStartVariableSource> sources)
{
    private readonly IStartVariableSource[] _sources = [.. sources];

    public ImmutableDictionary<string, JsonElement> Complete(string processId, ImmutableDictionary<string, JsonElement> given)
    {
        foreach (var source in _sources)
            given = source.Complete(processId, given);
        return given;
    }
}

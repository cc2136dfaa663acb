using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Scheme;

/// <summary>Every JC-STAR case starts with the deadline settings, the office block and its level's display.</summary>
public sealed class SchemeStartVariableSource(SchemeOptions options) : IStartVariableSource
{
    public ImmutableDictionary<string, JsonElement> Complete(string processId, ImmutableDictionary<string, JsonElement> given) =>
        SchemeStartVariables.Merge(options, given);
}

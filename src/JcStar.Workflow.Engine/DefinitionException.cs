using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

/// <summary>A model the engine cannot run (unsupported element, unparsable expression, unknown called process). Thrown by <see cref="DefinitionSet.From"/>.</summary>
public sealed class DefinitionException(ImmutableArray<string> problems)
    : Exception("the model cannot be executed:\n  " + string.Join("\n  ", problems))
{
    public ImmutableArray<string> Problems { get; } = problems;
}

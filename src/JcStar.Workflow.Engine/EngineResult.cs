using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

public sealed record EngineResult(InstanceState State, ImmutableArray<EngineEffect> Effects);

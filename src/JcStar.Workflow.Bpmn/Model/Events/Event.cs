using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

public abstract record Event : FlowNode
{
    public ImmutableArray<EventDefinition> EventDefinitions { get; init; } = [];

    /// <summary>On a catch event with several definitions: every trigger must occur (parallel multiple), not any one.</summary>
    public bool ParallelMultiple { get; init; }

    /// <summary>The first definition, or null for a none event; a multiple event has several (see <see cref="EventDefinitions"/>).</summary>
    public EventDefinition? Definition => EventDefinitions.IsDefaultOrEmpty ? null : EventDefinitions[0];
}

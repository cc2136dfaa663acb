using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

public abstract record Event : FlowNode
{
    public ImmutableArray<EventDefinition> EventDefinitions { get; init; } = [];

    /// <summary>The single definition, or null for a none event (several definitions are refused by validation).</summary>
    public EventDefinition? Definition => EventDefinitions.IsDefaultOrEmpty ? null : EventDefinitions[0];
}

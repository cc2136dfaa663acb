using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Conditional events (intermediate catch, boundary, event sub-process start). A condition is checked when
/// its wait opens (the scope is entered) and after variables change, once the command's token moves have
/// settled; it fires when it holds. camunda:variableName and camunda:variableEvents narrow which changes count.
/// </summary>
internal sealed partial class Execution
{
    private readonly HashSet<(string Name, string Kind)> changedVariables = [];
    private readonly HashSet<int> freshConditions = [];

    private void VariableChanged(string name, bool created)
    {
        if (subscriptions.Count > 0)
            changedVariables.Add((name, created ? "create" : "update"));
    }

    private void OpenCondition(int owner, string elementId)
    {
        var id = NextId();
        subscriptions.Add(new SubscriptionState { Id = id, Owner = owner, ElementId = elementId, Kind = SubscriptionKind.Condition, Name = elementId });
        freshConditions.Add(id);
    }

    /// <summary>Fires the first conditional event whose condition now holds; true when one fired.</summary>
    private bool TryConditions()
    {
        if (changedVariables.Count == 0 && freshConditions.Count == 0)
            return false;
        var changed = changedVariables.ToList();
        changedVariables.Clear();
        var fresh = freshConditions.ToHashSet();
        freshConditions.Clear();
        var fired = false;
        foreach (var subscription in subscriptions.Where(s => s.Kind == SubscriptionKind.Condition).ToList())
        {
            if (!subscriptions.Contains(subscription))
                continue;
            var definition = ConditionOf(subscription);
            if (!fresh.Contains(subscription.Id) && !Counts(definition, changed))
                continue;
            bool holds;
            try
            {
                holds = IsTrue(subscription.Owner, definition.Condition);
            }
            catch (ScriptFailure failure)
            {
                // A catch event stops with an incident; a boundary event, an event sub-process start or a
                // parallel multiple process start (waiting for its other triggers, as a start condition reads
                // variables that may not be given yet) often watches a variable that does not exist yet, so there
                // a failing condition does not hold.
                if (Find(subscription.Owner) is { Wait: ElementWait.Event } waiting && waiting.ElementId == subscription.ElementId
                    && ProcessOf(waiting.Id).Node(waiting.ElementId) is not StartEvent)
                {
                    subscriptions.Remove(subscription);
                    RaiseIncident(waiting.Id, waiting.ElementId, $"condition failed: {failure.Message}");
                }
                continue;
            }
            if (holds)
            {
                Deliver(subscription, null);
                fired = true;
            }
        }
        return fired;
    }

    private static bool Counts(ConditionalEventDefinition definition, List<(string Name, string Kind)> changed) =>
        changed.Any(c => (definition.VariableName is null || c.Name == definition.VariableName)
            && (definition.VariableEvents.IsDefaultOrEmpty || definition.VariableEvents.Contains(c.Kind, StringComparer.OrdinalIgnoreCase)));

    private ConditionalEventDefinition ConditionOf(SubscriptionState subscription) =>
        ((Event)ProcessOf(subscription.Owner).Node(subscription.ElementId)).EventDefinitions.OfType<ConditionalEventDefinition>().First();
}

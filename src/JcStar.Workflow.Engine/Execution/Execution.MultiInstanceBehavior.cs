using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// A multi-instance activity's behavior (BPMN 2.0.2 §10.3.6): the events it throws as its instances complete. They are
/// thrown from the activity as a whole, so its own boundary events (escalation, signal, message) can catch them.
/// </summary>
internal sealed partial class Execution
{
    /// <summary>What the behavior throws once the iteration <paramref name="iterationId"/> is done, <paramref name="completed"/> being how many are.</summary>
    private IReadOnlyList<EventDefinition> BehaviorEvents(int iterationId, MultiInstanceLoopCharacteristics mi, int completed)
    {
        if (mi.Behavior == MultiInstanceBehavior.All)
            return [];
        var thrown = new List<EventDefinition>();
        switch (mi.Behavior)
        {
            case MultiInstanceBehavior.None when mi.NoneBehaviorEvent is { } each:
                thrown.Add(each);
                break;
            case MultiInstanceBehavior.One when mi.OneBehaviorEvent is { } first && completed == 1:
                thrown.Add(first);
                break;
            case MultiInstanceBehavior.Complex:
                foreach (var definition in mi.ComplexBehaviorDefinitions)
                {
                    if (definition.Condition is { } condition && IsTrue(iterationId, condition))
                        thrown.AddRange(definition.Events);
                }
                break;
        }
        return thrown;
    }

    private void ThrowImplicit(int bodyId, Activity activity, EventDefinition definition)
    {
        if (Find(bodyId) is null)
            return;
        var index = ProcessOf(bodyId);
        switch (definition)
        {
            case SignalEventDefinition signal:
                ThrowSignal(bodyId, activity.Id, index.SignalName(signal));
                break;
            case EscalationEventDefinition escalation:
                ThrowEscalation(bodyId, index.EscalationCode(escalation) ?? "");
                break;
            case MessageEventDefinition message:
                ThrowMessage(bodyId, activity, message.MessageName, message.MessageRef, message.CorrelationKey);
                break;
        }
    }
}

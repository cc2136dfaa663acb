using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>What a multi-instance behavior needs to run: the event it throws, of a kind an activity can throw.</summary>
public static class MultiInstanceBehaviorRule
{
    /// <summary>Why a multi-instance behavior cannot run, or null when it can (the validator and the engine's definition check say the same).</summary>
    public static string? Problem(MultiInstanceLoopCharacteristics mi)
    {
        static bool Throwable(EventDefinition? d) => d is SignalEventDefinition or EscalationEventDefinition or MessageEventDefinition;
        return mi.Behavior switch
        {
            MultiInstanceBehavior.None when !Throwable(mi.NoneBehaviorEvent) => "behavior=\"None\" needs noneBehaviorEventRef naming a signal, escalation or message event definition at the root of the file",
            MultiInstanceBehavior.One when !Throwable(mi.OneBehaviorEvent) => "behavior=\"One\" needs oneBehaviorEventRef naming a signal, escalation or message event definition at the root of the file",
            MultiInstanceBehavior.Complex when mi.ComplexBehaviorDefinitions.IsEmpty => "behavior=\"Complex\" needs at least one complexBehaviorDefinition",
            MultiInstanceBehavior.Complex when mi.ComplexBehaviorDefinitions.Any(c => c.Condition is null || c.Events.IsEmpty || !c.Events.All(Throwable))
                => "each complexBehaviorDefinition needs a condition and an event throwing signals, escalations or messages",
            _ => null,
        };
    }
}

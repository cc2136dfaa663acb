using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>A throw event with several definitions (message, signal, escalation) throws every one, in document order.</summary>
internal static class MultipleThrow
{
    public static void ThrowAll(Execution run, int id, Event thrower)
    {
        var index = run.ProcessOf(id);
        foreach (var definition in thrower.EventDefinitions)
        {
            if (run.Find(id) is null)
                return;
            switch (definition)
            {
                case MessageEventDefinition message:
                    run.ThrowMessage(id, thrower, message.MessageName, message.MessageRef, message.CorrelationKey);
                    break;
                case SignalEventDefinition signal:
                    run.ThrowSignal(id, thrower.Id, index.SignalName(signal));
                    break;
                case EscalationEventDefinition escalation:
                    run.ThrowEscalation(id, index.EscalationCode(escalation) ?? "");
                    break;
            }
        }
        if (run.Find(id) is not null)
            run.Complete(id);
    }
}

using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Parallel multiple catch events (intermediate, boundary, event sub-process start): every one of their triggers
/// must occur. Each wait closes as its trigger arrives, so the triggers still awaited are the waits still open; the
/// event fires with the last. A repeatable one (non-interrupting) opens all its waits again for the next round.
/// </summary>
internal sealed partial class Execution
{
    private bool IsParallelMultiple(int owner, string elementId) =>
        ProcessOf(owner).Node(elementId) is Event { ParallelMultiple: true } e && e.EventDefinitions.Length > 1;

    /// <summary>Whether the trigger that just arrived was the last one awaited; the variables of an earlier one are set at once.</summary>
    private bool AllTriggersArrived(int owner, Event parallel, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        var waiting = timers.Exists(t => t.Owner == owner && t.ElementId == parallel.Id)
            || subscriptions.Exists(s => s.Owner == owner && s.ElementId == parallel.Id);
        if (waiting)
        {
            if (payload is not null)
            {
                foreach (var (name, value) in payload)
                    SetVariable(owner, name, value);
            }
            return false;
        }
        if (IsRepeatable(owner, parallel.Id))
            OpenTriggers(owner, parallel);
        return true;
    }
}

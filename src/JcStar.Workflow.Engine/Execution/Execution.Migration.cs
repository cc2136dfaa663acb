using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Migration's part of a run: after <see cref="InstanceMigrator"/> renamed the elements, the timers and subscriptions
/// are made to match what the target definitions arm for each waiting element: kept when the target has the same
/// trigger there, cancelled when it has none, armed when it has a new one.
/// </summary>
internal sealed partial class Execution
{
    private readonly record struct ExpectedTrigger(int Owner, string ElementId, EventDefinition? Definition, ReceiveTask? Receive);

    /// <summary>
    /// <paramref name="orphans"/> are triggers whose element the plan does not map (the target dropped it): they are
    /// only cancelled.
    /// </summary>
    public void ReconcileTriggers(IReadOnlySet<int> orphans)
    {
        var expected = new List<ExpectedTrigger>();
        foreach (var e in elements.ToList())
            ExpectTriggers(e, expected);

        var matched = new bool[expected.Count];
        foreach (var t in timers.ToList())
        {
            var at = -1;
            if (!orphans.Contains(t.Id))
            {
                for (var i = 0; i < expected.Count && at < 0; i++)
                {
                    if (!matched[i] && expected[i].Owner == t.Owner && expected[i].ElementId == t.ElementId && expected[i].Definition is TimerEventDefinition)
                        at = i;
                }
            }
            if (at >= 0)
                matched[at] = true;
            else
            {
                timers.Remove(t);
                Effects.Add(new TimerCancelled(IdOf(t.Id), t.ElementId));
            }
        }
        foreach (var s in subscriptions.ToList())
        {
            var at = -1;
            if (!orphans.Contains(s.Id))
            {
                for (var i = 0; i < expected.Count && at < 0; i++)
                {
                    if (!matched[i] && expected[i].Owner == s.Owner && expected[i].ElementId == s.ElementId && Matches(expected[i], s))
                        at = i;
                }
            }
            if (at >= 0)
                matched[at] = true;
            else
            {
                subscriptions.Remove(s);
                CloseSubscriptionEffect(s);
            }
        }
        for (var i = 0; i < expected.Count; i++)
        {
            if (matched[i])
                continue;
            var x = expected[i];
            if (x.Receive is { } receive)
            {
                var index = ProcessOf(x.Owner);
                OpenMessage(x.Owner, receive.Id, index.MessageName(receive.MessageName, receive.MessageRef),
                    receive.CorrelationKey ?? index.MessageCorrelationKey(receive.MessageRef));
            }
            else
                OpenTrigger(x.Owner, x.ElementId, x.Definition);
        }
    }

    private bool Matches(ExpectedTrigger expected, SubscriptionState s)
    {
        var index = ProcessOf(expected.Owner);
        return s.Kind switch
        {
            SubscriptionKind.Message when expected.Receive is { } r => s.Name == index.MessageName(r.MessageName, r.MessageRef),
            SubscriptionKind.Message => expected.Definition is MessageEventDefinition m && s.Name == index.MessageName(m.MessageName, m.MessageRef),
            SubscriptionKind.Signal => expected.Definition is SignalEventDefinition g && s.Name == index.SignalName(g),
            SubscriptionKind.Condition => expected.Definition is ConditionalEventDefinition,
            _ => false,
        };
    }

    /// <summary>What the target arms for one waiting element instance, as its behaviours would on entering it.</summary>
    private void ExpectTriggers(ElementInstance e, List<ExpectedTrigger> expected)
    {
        var index = ProcessOf(e.Id);
        void Add(string elementId, IEnumerable<EventDefinition> definitions)
        {
            foreach (var d in definitions)
            {
                if (d is TimerEventDefinition or MessageEventDefinition or SignalEventDefinition or ConditionalEventDefinition)
                    expected.Add(new ExpectedTrigger(e.Id, elementId, d, null));
            }
        }
        void AddEventSubProcessStarts(string containerId)
        {
            foreach (var child in Children(e.Id))
            {
                // An interrupting event sub-process has cancelled the scope's other starts for good.
                if (child.ProcessId is null && index.Node(child.ElementId) is SubProcess { TriggeredByEvent: true } running
                    && running.Scope.Nodes.OfType<StartEvent>().First().IsInterrupting)
                    return;
            }
            foreach (var esp in index.EventSubProcessesOf(containerId))
            {
                var start = esp.Scope.Nodes.OfType<StartEvent>().First();
                Add(start.Id, start.EventDefinitions);
            }
        }

        if (e.ProcessId is not null)
        {
            if (e.Wait == ElementWait.Scope)
                AddEventSubProcessStarts(e.ProcessId);
            return;
        }
        var node = index.Node(e.ElementId);
        if (node is Activity && e.Iteration == 0 && e.Wait != ElementWait.Active)
        {
            foreach (var boundary in index.BoundariesOf(node.Id))
                Add(boundary.Id, boundary.EventDefinitions);
        }
        switch (e.Wait)
        {
            case ElementWait.Event when node is IntermediateCatchEvent catcher:
                Add(catcher.Id, catcher.EventDefinitions);
                break;
            case ElementWait.Event when node is ReceiveTask receive:
                expected.Add(new ExpectedTrigger(e.Id, receive.Id, null, receive));
                break;
            case ElementWait.EventGateway:
                foreach (var flowId in node.Outgoing)
                {
                    switch (index.Node(index.Flow(flowId).TargetRef))
                    {
                        case IntermediateCatchEvent c:
                            Add(c.Id, c.EventDefinitions);
                            break;
                        case ReceiveTask r:
                            expected.Add(new ExpectedTrigger(e.Id, r.Id, null, r));
                            break;
                    }
                }
                break;
            case ElementWait.Scope when node is SubProcess:
                AddEventSubProcessStarts(node.Id);
                break;
        }
    }
}

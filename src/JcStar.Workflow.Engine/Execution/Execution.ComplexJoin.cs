using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// The complex gateway's join (BPMN 2.0.2, 13.4.5): waiting for start, it fires once its activationCondition
/// holds over the tokens that have arrived (<c>activationCount</c>, the number of incoming flows holding one);
/// then, waiting for reset, it takes the remaining tokens without firing until none can still arrive, and
/// starts over. Without an activationCondition it joins as an inclusive gateway does.
/// </summary>
internal sealed partial class Execution
{
    private void ArriveAtComplexJoin(int scopeId, ComplexGateway gateway, string flow)
    {
        var round = joins.Where(j => j.Scope == scopeId && j.GatewayId == gateway.Id && j.Consumed).Select(j => j.FlowId).ToList();
        // Waiting for reset, a token on a flow that has not had its token this round is taken; a second one
        // on the same flow belongs to the next round.
        var taken = round.Count > 0 && !round.Contains(flow);
        joins.Add(new JoinArrival { Scope = scopeId, GatewayId = gateway.Id, FlowId = flow, Consumed = taken });
        if (round.Count == 0 && gateway.ActivationCondition is not null)
            TryActivateComplex(scopeId, gateway);
    }

    private void TryActivateComplex(int scopeId, ComplexGateway gateway)
    {
        var arrived = joins.Where(j => j.Scope == scopeId && j.GatewayId == gateway.Id && !j.Consumed).Select(j => j.FlowId).Distinct().ToList();
        if (arrived.Count == 0)
            return;
        bool holds;
        try
        {
            holds = IsTrue(scopeId, gateway.ActivationCondition!, new Dictionary<string, System.Text.Json.JsonElement>
            {
                ["activationCount"] = JsonValues.Number(arrived.Count),
            });
        }
        catch (ScriptFailure failure)
        {
            // The tokens stay where they are; the incident's retry runs the gateway on, as if the condition held.
            ConsumeComplexRound(scopeId, gateway, arrived);
            RaiseIncident(NewInstance(scopeId, gateway), gateway.Id, $"activationCondition failed: {failure.Message}");
            return;
        }
        if (!holds)
            return;
        ConsumeComplexRound(scopeId, gateway, arrived);
        Activate(scopeId, gateway);
    }

    private void ConsumeComplexRound(int scopeId, ComplexGateway gateway, List<string> flows)
    {
        foreach (var flow in flows)
        {
            var at = joins.FindIndex(j => j.Scope == scopeId && j.GatewayId == gateway.Id && j.FlowId == flow && !j.Consumed);
            joins[at] = joins[at] with { Consumed = true };
        }
    }

    /// <summary>Decided when no token is in transit, as inclusive joins are: activation without a condition, and every reset.</summary>
    private bool TryComplexJoins()
    {
        foreach (var (scopeId, gatewayId) in joins.Select(j => (j.Scope, j.GatewayId)).Distinct().ToList())
        {
            var index = ProcessOf(scopeId);
            if (index.Node(gatewayId) is not ComplexGateway gateway)
                continue;
            var mine = joins.Where(j => j.Scope == scopeId && j.GatewayId == gatewayId).ToList();
            var resetting = mine.Any(j => j.Consumed);
            var had = (resetting ? mine.Where(j => j.Consumed) : mine).Select(j => j.FlowId).ToHashSet(StringComparer.Ordinal);
            var tokenNodes = TokenNodes(scopeId, gatewayId);
            var reach = index.JoinReachability(gatewayId);
            if (gateway.Incoming.Any(flow => !had.Contains(flow) && tokenNodes.Any(reach[flow].Contains)))
                continue;
            if (resetting)
            {
                joins.RemoveAll(j => j.Scope == scopeId && j.GatewayId == gatewayId && j.Consumed);
                work.Enqueue(new Step(StepKind.CheckScopeCompleted, scopeId));
                if (gateway.ActivationCondition is not null)
                    TryActivateComplex(scopeId, gateway);
                return true;
            }
            if (gateway.ActivationCondition is not null)
                continue;
            ConsumeComplexRound(scopeId, gateway, [.. had]);
            Activate(scopeId, gateway);
            return true;
        }
        return false;
    }
}

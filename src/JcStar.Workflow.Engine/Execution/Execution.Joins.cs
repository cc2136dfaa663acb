using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>The parallel and inclusive gateways' joins: tokens that arrived wait in <c>joins</c> until the gateway may fire.</summary>
internal sealed partial class Execution
{
    private void TryParallelJoin(int scopeId, FlowNode gateway)
    {
        foreach (var flow in gateway.Incoming)
        {
            if (!joins.Exists(j => j.Scope == scopeId && j.GatewayId == gateway.Id && j.FlowId == flow))
                return;
        }
        foreach (var flow in gateway.Incoming)
            joins.RemoveAt(joins.FindIndex(j => j.Scope == scopeId && j.GatewayId == gateway.Id && j.FlowId == flow));
        Activate(scopeId, gateway);
    }

    /// <summary>
    /// An inclusive join fires when no token in its scope can still reach one of its incoming flows
    /// that has no token yet, without passing through the join itself (so loops through it do not block it).
    /// </summary>
    private bool TryInclusiveJoins()
    {
        foreach (var (scopeId, gatewayId) in joins.Select(j => (j.Scope, j.GatewayId)).Distinct().ToList())
        {
            var index = ProcessOf(scopeId);
            if (index.Node(gatewayId) is not InclusiveGateway gateway)
                continue;
            var arrived = joins.Where(j => j.Scope == scopeId && j.GatewayId == gatewayId).Select(j => j.FlowId).ToHashSet();
            var tokenNodes = TokenNodes(scopeId, gatewayId);
            var reach = index.JoinReachability(gatewayId);
            var mustWait = gateway.Incoming.Any(flow => !arrived.Contains(flow) && tokenNodes.Any(reach[flow].Contains));
            if (mustWait)
                continue;
            foreach (var flow in arrived)
                joins.RemoveAt(joins.FindIndex(j => j.Scope == scopeId && j.GatewayId == gatewayId && j.FlowId == flow));
            Activate(scopeId, gateway);
            return true;
        }
        return false;
    }

    /// <summary>Where the live tokens of a scope stand, apart from those waiting at <paramref name="except"/>.</summary>
    private List<string> TokenNodes(int scopeId, string except) =>
        [.. elements.Where(e => e.Parent == scopeId).Select(e => e.ElementId)
            .Concat(joins.Where(j => j.Scope == scopeId && j.GatewayId != except && !j.Consumed).Select(j => j.GatewayId))];
}

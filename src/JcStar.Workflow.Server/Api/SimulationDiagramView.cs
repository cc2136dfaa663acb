using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Server.Web.Simulation;

namespace JcStar.Workflow.Server.Api;

/// <summary>The diagram of a simulated run in the shape the case diagram reads: the XML that ran, the path, where it waits, where it failed.</summary>
public sealed record SimulationDiagramView(string Xml, IReadOnlyList<string> Completed, IReadOnlyList<string> Active, IReadOnlyList<string> Incidents)
{
    public static SimulationDiagramView From(SimulationResult run)
    {
        var report = run.Report;
        var timers = (report?.Timers ?? []).Select(t => t.Element).ToHashSet(StringComparer.Ordinal);
        // A pending boundary timer means the token waits in the activity it is attached to (a receive task has no task to list).
        var boundaries = BpmnReader.Read(run.Xml, "simulation").Model.Processes.SelectMany(p => Nodes(p.Scope)).OfType<BoundaryEvent>();
        var waitingIn = boundaries.Where(b => timers.Contains(b.Id)).Select(b => b.AttachedToRef);
        return new SimulationDiagramView(
            run.Xml,
            [.. (report?.Trace ?? []).Select(t => t.Element).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal)],
            [.. (report?.OpenTasks ?? []).Select(t => t.Element).Concat(timers).Concat(waitingIn).Distinct(StringComparer.Ordinal)],
            [.. (report?.Incidents ?? []).Select(i => i.Element).Distinct(StringComparer.Ordinal)]);
    }

    private static IEnumerable<FlowNode> Nodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess s ? [n, .. Nodes(s.Scope)] : new[] { n });
}

using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Server.Web;

/// <summary>Where a case has been and where it stands, by element id: what the diagram colours (and the page lists without script).</summary>
public sealed record DiagramFacts(IReadOnlyList<string> Completed, IReadOnlyList<string> Active, IReadOnlyList<string> Incidents)
{
    public static DiagramFacts From(WorkflowInstance instance, IEnumerable<AuditEntry> history)
    {
        var completed = history.Where(e => e.Action == AuditActions.FlowNodeCompleted && e.ElementId is not null).Select(e => e.ElementId!).Distinct().ToList();
        var state = InstanceStateSerializer.Deserialize(instance.StateJson);
        var active = state.Elements.Where(e => e.Parent != 0).Select(e => e.ElementId).Distinct().ToList();
        var incidents = state.Incidents.Select(i => i.ElementId).Distinct().ToList();
        return new DiagramFacts(completed, active, incidents);
    }

    public static Dictionary<string, string> ElementNames(IEnumerable<BpmnModel> models)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(FlowScope scope)
        {
            foreach (var node in scope.Nodes)
            {
                if (node.Name is { Length: > 0 } name)
                    names.TryAdd(node.Id, name);
                if (node is SubProcess sub)
                    Walk(sub.Scope);
            }
        }
        foreach (var process in models.SelectMany(m => m.Processes))
            Walk(process.Scope);
        return names;
    }
}

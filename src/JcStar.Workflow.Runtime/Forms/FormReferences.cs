using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>The form keys a process names: its user tasks' and its start events' (in sub-processes too).</summary>
public static class FormReferences
{
    public static ImmutableSortedSet<string> Of(ProcessDefinition process) =>
        [.. Nodes(process.Scope).Select(KeyOf).OfType<string>().Where(k => k.Length > 0)];

    private static string? KeyOf(FlowNode node) => node switch
    {
        UserTask task => task.Human.FormKey,
        StartEvent start => start.FormKey,
        _ => null,
    };

    private static IEnumerable<FlowNode> Nodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess s ? [n, .. Nodes(s.Scope)] : new[] { n });
}

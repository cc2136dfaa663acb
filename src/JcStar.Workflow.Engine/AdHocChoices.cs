using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>What can be chosen in an instance now: its open ad-hoc sub-processes and their choosable inner activities.</summary>
public static class AdHocChoices
{
    public static ImmutableArray<AdHocChoice> Of(DefinitionSet definitions, InstanceState state)
    {
        var byId = state.Elements.ToDictionary(e => e.Id);
        var result = ImmutableArray.CreateBuilder<AdHocChoice>();
        foreach (var e in state.Elements)
        {
            if (e.Wait != ElementWait.AdHoc)
                continue;
            var process = e;
            while (process.ProcessId is null && byId.TryGetValue(process.Parent, out var up))
                process = up;
            if (process.ProcessId is not { } processId || definitions.Index(processId) is not { } index
                || index.Nodes.GetValueOrDefault(e.ElementId) is not SubProcess adHoc)
                continue;
            var busy = adHoc.AdHoc!.Ordering == AdHocOrdering.Sequential && state.Elements.Any(c => c.Parent == e.Id);
            var choosable = busy ? [] : adHoc.Scope.Nodes.Where(n => Execution.IsChoosable(index, adHoc, n)).ToImmutableArray();
            result.Add(new AdHocChoice(state.IdOf(e.Id), adHoc.Id, [.. choosable.Select(n => n.Id)])
            {
                Name = adHoc.Name,
                ActivityNames = choosable.Where(n => !string.IsNullOrWhiteSpace(n.Name)).ToImmutableDictionary(n => n.Id, n => n.Name!),
            });
        }
        return result.ToImmutable();
    }
}

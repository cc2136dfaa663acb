using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// Which groups handle a procedure: every group its user tasks offer work to, read from the BPMN (a literal
/// list, or the string literals of an expression such as <c>${level === 'Star1' ? 'label-issuing-staff' : 'certification-staff'}</c>).
/// Staff see the cases of the procedures their groups handle, so access follows the diagram staff edit.
/// </summary>
public sealed partial class ProcessHandlers(IDefinitionStore definitions, DefinitionCatalog catalog)
{
    private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> byDefinition = new(StringComparer.Ordinal);

    public async Task<ImmutableHashSet<string>> GroupsOfAsync(string definitionId, CancellationToken ct)
    {
        if (byDefinition.TryGetValue(definitionId, out var known))
            return known;
        var definition = await definitions.FindAsync(definitionId, ct);
        if (definition is null)
            return [];
        var models = await catalog.ModelsAsync(definition, ct);
        var groups = models
            .SelectMany(m => m.Processes)
            .SelectMany(p => Nodes(p.Scope))
            .OfType<UserTask>()
            .SelectMany(t => t.Human.CandidateGroups)
            .SelectMany(Literals)
            .ToImmutableHashSet(StringComparer.Ordinal);
        return byDefinition.GetOrAdd(definitionId, groups);
    }

    /// <summary>The processes (latest versions) handled by any of <paramref name="groups"/>.</summary>
    public async Task<ImmutableArray<string>> ProcessesHandledByAsync(IEnumerable<string> groups, CancellationToken ct)
    {
        var wanted = groups.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return [];
        var handled = ImmutableArray.CreateBuilder<string>();
        foreach (var definitionId in await definitions.ListLatestIdsAsync(ct))
        {
            if ((await GroupsOfAsync(definitionId, ct)).Overlaps(wanted))
                handled.Add(definitionId[..definitionId.LastIndexOf(':')]);
        }
        return handled.ToImmutable();
    }

    private static IEnumerable<FlowNode> Nodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess sub ? [n, .. Nodes(sub.Scope)] : new[] { n });

    private static IEnumerable<string> Literals(Expression expression)
    {
        var text = expression.Text.Trim();
        if (!(text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal) || text.StartsWith('=')))
            return [text];
        return StringLiteral().Matches(text).Select(m => m.Groups[2].Value).Where(v => v.Length > 0);
    }

    [GeneratedRegex("""(['"])([A-Za-z0-9_.\-]+)\1""")]
    private static partial Regex StringLiteral();
}

using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// The forms a deployment stores with each process's new version: every form key the process names, taken from the
/// draft's edited forms first, then (for a draft published from the modeler) the form its current version has, then
/// the form source (the files). A key found nowhere is not stored (the task then reports it missing, as before).
/// Each form is read as the server reads it, so a broken one refuses the deployment, named by key and component.
/// </summary>
internal sealed class DeploymentForms(IDefinitionStore definitions, DefinitionForms forms)
{
    /// <exception cref="WorkflowInputException">A form is not a form-js form, or a draft's form key is not a key; errors keyed <c>forms.&lt;key&gt;</c>.</exception>
    public async Task<Dictionary<string, ImmutableSortedDictionary<string, string>>> CollectAsync(
        IReadOnlyList<ProcessDefinition> processes, IReadOnlyDictionary<string, string>? draftForms, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, json) in draftForms ?? ImmutableDictionary<string, string>.Empty)
        {
            if (!FormFolder.IsKey(key))
                problems[$"forms.{key}"] = [$"'{key}' is not a form key (letters, digits, '-', '_' and '.', at most 200)"];
            else
                Check(key, json, $"form '{key}'", problems);
        }
        var sets = new Dictionary<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            var current = draftForms is null ? null : await definitions.FindLatestAsync(process.Id, ct);
            var published = current is null ? ImmutableDictionary<string, FormDocument>.Empty : await forms.StoredAsync(current.Id, ct);
            var set = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var key in FormReferences.Of(process))
            {
                if (draftForms is not null && draftForms.TryGetValue(key, out var edited))
                {
                    set[key] = edited;
                    continue;
                }
                if (published.TryGetValue(key, out var kept))
                {
                    set[key] = kept.Json;
                    continue;
                }
                try
                {
                    if (forms.Source.Find(key) is { } file)
                        set[key] = file.Json;
                }
                catch (FormatException e)
                {
                    problems[$"forms.{key}"] = [e.Message];
                }
            }
            sets[process.Id] = set.ToImmutable();
        }
        if (problems.Count > 0)
            throw new WorkflowInputException("a form of the procedure is not valid", problems);
        return sets;
    }

    /// <summary>Equal when the same keys hold the same text (line endings aside).</summary>
    public static bool SameForms(IReadOnlyDictionary<string, FormDocument> stored, IReadOnlyDictionary<string, string> candidate) =>
        stored.Count == candidate.Count
        && candidate.All(c => stored.TryGetValue(c.Key, out var s) && Normal(s.Json) == Normal(c.Value));

    private static string Normal(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static void Check(string key, string json, string source, Dictionary<string, string[]> problems)
    {
        try
        {
            FormSchemaReader.Read(json, source);
        }
        catch (FormatException e)
        {
            problems[$"forms.{key}"] = [e.Message];
        }
    }
}

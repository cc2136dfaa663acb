using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Runtime.Forms;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// What a caller may start and with which variables: the process's starters (<c>jc:candidateStarterGroups</c> /
/// <c>jc:candidateStarterUsers</c>, admins only when it names none), the start form of its none start event (a
/// variable the form does not offer is refused, a required one missing is refused, each by name), and limits on
/// size and characters. Everything the server derives (office data, deadlines, fees, the applicant's identity,
/// decision makers) is therefore out of a caller's reach.
/// </summary>
public sealed class StartRules(DefinitionForms forms, IOptions<RuntimeOptions> options)
{
    public void EnsureMayStart(ProcessDefinition process, WorkflowActor actor)
    {
        if (actor.IsAdmin)
            return;
        if (process.CandidateStarterUsers.Contains(actor.Id, StringComparer.Ordinal) || process.CandidateStarterGroups.Any(actor.IsIn))
            return;
        throw new WorkflowForbiddenException(process.CandidateStarterGroups.IsEmpty && process.CandidateStarterUsers.IsEmpty
            ? $"process {process.Id} names no starters: only admins may start it"
            : $"{actor.Id} may not start process {process.Id} (starters: {string.Join(", ", process.CandidateStarterGroups.Concat(process.CandidateStarterUsers))})");
    }

    /// <param name="definitionId">The version the case starts on: its start form is the one stored with it.</param>
    /// <exception cref="WorkflowInputException">Each field that is not asked for, missing, malformed or too large.</exception>
    public async Task CheckVariablesAsync(string definitionId, ProcessDefinition process, string? businessKey, ImmutableDictionary<string, JsonElement> variables, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (businessKey is not null)
        {
            if (businessKey.Length > limits.MaxBusinessKeyLength)
                errors["businessKey"] = [$"at most {limits.MaxBusinessKeyLength} characters (has {businessKey.Length})"];
            else if (HasControlCharacters(businessKey, allowLineBreaks: false))
                errors["businessKey"] = ["must not contain control characters"];
        }
        var size = variables.Sum(v => v.Key.Length + v.Value.GetRawText().Length);
        if (size > limits.MaxStartVariablesBytes)
            errors["variables"] = [$"at most {limits.MaxStartVariablesBytes} bytes of variables (has {size})"];
        foreach (var (path, text) in Strings(variables))
        {
            if (HasControlCharacters(text, allowLineBreaks: true))
                errors[path] = ["must not contain control characters"];
        }

        var start = process.Scope.Nodes.OfType<StartEvent>().FirstOrDefault(s => s.EventDefinitions.IsEmpty)
            ?? process.Scope.Nodes.OfType<StartEvent>().FirstOrDefault();
        if (start?.FormKey is not { Length: > 0 } formKey)
        {
            foreach (var key in variables.Keys)
                errors.TryAdd(key, [$"process {process.Id} asks for no start variables"]);
        }
        else if (await forms.FindAsync(definitionId, formKey, cancellationToken) is not { } form)
        {
            errors["form"] = [$"start event {start.Id} names form '{formKey}', which does not exist"];
        }
        else
        {
            foreach (var (field, messages) in form.Schema.Validate(Flatten(variables)).Errors)
                errors.TryAdd(field, messages);
        }
        if (errors.Count > 0)
            throw new WorkflowInputException($"the start of process {process.Id} is not valid", errors);
    }

    /// <summary>Objects become dotted paths (<c>product.name</c>), as form-js names nested fields; arrays stay whole.</summary>
    public static ImmutableDictionary<string, JsonElement> Flatten(IReadOnlyDictionary<string, JsonElement> variables)
    {
        var flat = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        void Walk(string prefix, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any())
            {
                foreach (var p in value.EnumerateObject())
                    Walk($"{prefix}.{p.Name}", p.Value);
            }
            else
            {
                flat[prefix] = value;
            }
        }
        foreach (var (key, value) in variables)
            Walk(key, value);
        return flat.ToImmutable();
    }

    private static IEnumerable<(string Path, string Text)> Strings(IReadOnlyDictionary<string, JsonElement> variables)
    {
        foreach (var (path, value) in Flatten(variables))
        {
            if (value.ValueKind == JsonValueKind.String)
                yield return (path, value.GetString()!);
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
                    yield return (path, item.GetString()!);
            }
        }
    }

    private static bool HasControlCharacters(string text, bool allowLineBreaks) =>
        text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// Publishes BPMN files. Each executable process gets version n+1 when its content (or a version it
/// calls) changed and nothing when it did not; instances already running keep the version they started on.
/// The latest version's timer start events are armed and the earlier versions' disarmed (see <see cref="StartEvents.ArmAsync"/>).
/// The forms a process names are stored with its version (see <see cref="DeploymentForms"/>): a changed form is a new version too.
/// </summary>
public sealed class DefinitionDeployment(IBpmnModelReader reader, DefinitionCatalog catalog, WorkflowStores stores, StartEvents startEvents, TimeProvider time, DefinitionForms forms)
{
    /// <exception cref="WorkflowInputException">
    /// The file does not read, does not validate, calls a process that is not deployed, or has no
    /// executable process, or a timer start event's value cannot be scheduled; errors are keyed by element id.
    /// </exception>
    /// <param name="note">What the publisher wrote about the new version (the procedures page asks for it); stored with each new version and in its audit record.</param>
    /// <param name="draftForms">
    /// The forms edited with a draft in the modeler (key to form-js JSON); null for files deployed from disk, whose forms
    /// come from the form source. See <see cref="DeploymentForms"/> for where the others come from.
    /// </param>
    public async Task<DeploymentResult> DeployAsync(string xml, string sourceName, WorkflowActor actor, CancellationToken cancellationToken = default, string? note = null,
        IReadOnlyDictionary<string, string>? draftForms = null)
    {
        // First without parsing the expressions: a file deployed before and unchanged since (what every start finds) had
        // them parsed and compiled then, and the first parse costs the script engine's first use. Anything else is read
        // again with them, below, before it is compiled.
        var read = reader.ReadStored(xml, sourceName);
        if (read.HasErrors)
            throw Invalid(sourceName, read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = read.Model!;
        var executable = model.Processes.Where(p => p.IsExecutable).ToList();
        if (executable.Count == 0)
            throw new WorkflowInputException($"{sourceName} has no executable process", new Dictionary<string, string[]> { ["process"] = ["no process is executable"] });

        var pins = await PinCalledProcessesAsync(model, sourceName, cancellationToken);
        var hash = ContentHash.Of(pins.Length == 0 ? xml : xml + "\ncalls:" + string.Join(",", pins));
        var stored = await IsStoredAsync(executable, hash, cancellationToken);
        if (!stored)
        {
            read = reader.Read(xml, sourceName);
            if (read.HasErrors)
                throw Invalid(sourceName, read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            model = read.Model!;
            executable = model.Processes.Where(p => p.IsExecutable).ToList();
        }
        var provisional = new DeployedDefinition
        {
            Id = "(new)", ProcessId = executable[0].Id, Version = 0, ContentHash = hash, Xml = xml, SourceName = sourceName,
            CalledDefinitionIds = pins, PublishedAt = time.GetUtcNow(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        DefinitionSet compiled;
        try
        {
            var models = await catalog.ModelsAsync(provisional, cancellationToken, model);
            compiled = stored ? DefinitionSet.Stored([.. models]) : DefinitionSet.From([.. models]);
        }
        catch (DefinitionException e)
        {
            throw new WorkflowInputException($"{sourceName} cannot be executed", new Dictionary<string, string[]> { ["definition"] = [.. e.Problems] });
        }
        var startTimerProblems = new Dictionary<string, string[]>();
        foreach (var process in executable)
            startEvents.ReadTimers(compiled, process.Id, startTimerProblems);
        if (startTimerProblems.Count > 0)
            throw new WorkflowInputException($"{sourceName} has timer start events that cannot be scheduled", startTimerProblems);

        var formSets = await new DeploymentForms(stores.Definitions, forms).CollectAsync(executable, draftForms, cancellationToken);

        var deployed = ImmutableArray.CreateBuilder<DeployedProcess>();
        foreach (var process in executable)
        {
            var published = await PublishAsync(provisional with { ProcessId = process.Id, Name = process.Name }, formSets[process.Id], actor, cancellationToken);
            catalog.Remember(published.Definition, xml, sourceName, model);
            // Also when unchanged: arming is idempotent, and it finishes the work of a deployment that stopped between the two.
            await startEvents.ArmAsync(published.Definition, actor, cancellationToken, compiled);
            deployed.Add(published);
        }
        return new DeploymentResult(deployed.ToImmutable(), [.. read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)]);
    }

    /// <summary>Whether every executable process of the file has a latest stored version with this content (its callees pinned in it).</summary>
    private async Task<bool> IsStoredAsync(IEnumerable<ProcessDefinition> processes, string hash, CancellationToken ct)
    {
        foreach (var process in processes)
            if ((await stores.Definitions.FindLatestAsync(process.Id, ct))?.ContentHash != hash)
                return false;
        return true;
    }

    /// <summary>The latest version of every process this file calls but does not define.</summary>
    private async Task<ImmutableArray<string>> PinCalledProcessesAsync(BpmnModel model, string sourceName, CancellationToken ct)
    {
        var own = model.Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        // A call of a global task of the file runs that task in place: nothing to pin.
        var called = model.Processes.SelectMany(p => Nodes(p.Scope)).OfType<CallActivity>().Where(c => c.GlobalTask is null)
            .Select(c => c.CalledElement).Where(id => !own.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var pins = ImmutableArray.CreateBuilder<string>();
        var missing = new Dictionary<string, string[]>();
        foreach (var processId in called)
        {
            if (await stores.Definitions.FindLatestAsync(processId, ct) is { } latest)
                pins.Add(latest.Id);
            else
                missing[processId] = [$"{sourceName} calls process '{processId}', which is not deployed"];
        }
        if (missing.Count > 0)
            throw new WorkflowInputException($"{sourceName} calls processes that are not deployed", missing);
        return pins.ToImmutable();
    }

    private async Task<DeployedProcess> PublishAsync(DeployedDefinition candidate, ImmutableSortedDictionary<string, string> formSet, WorkflowActor actor, CancellationToken ct)
    {
        // Two nodes starting together deploy the same files: the loser of the version race re-reads and finds the winner's row.
        for (var attempt = 0; ; attempt++)
        {
            var latest = await stores.Definitions.FindLatestAsync(candidate.ProcessId, ct);
            if (latest is not null && latest.ContentHash == candidate.ContentHash)
            {
                var stored = await forms.StoredAsync(latest.Id, ct);
                if (stored.IsEmpty)
                {
                    // A version published before forms were stored with versions (or a crash between its row and its forms):
                    // it has read the files' forms all along, so they become its own, and no version is made.
                    await forms.AddAsync(latest.Id, formSet, ct);
                    return new DeployedProcess(latest, IsNewVersion: false);
                }
                if (DeploymentForms.SameForms(stored, formSet))
                    return new DeployedProcess(latest, IsNewVersion: false);
            }
            var version = (latest?.Version ?? 0) + 1;
            var definition = candidate with
            {
                Id = DeployedDefinition.IdFor(candidate.ProcessId, version),
                Version = version,
                PublishedBy = actor.Id,
                PublishedAt = time.GetUtcNow(),
            };
            try
            {
                await stores.Definitions.AddAsync(definition, ct);
            }
            catch (WorkflowConflictException) when (attempt < 5)
            {
                continue;
            }
            await forms.AddAsync(definition.Id, formSet, ct);
            await stores.Audit.AppendAsync(new AuditEntry
            {
                At = definition.PublishedAt,
                Actor = actor.Id,
                Action = AuditActions.DefinitionDeployed,
                DataJson = JsonSerializer.Serialize(new { definition.Id, definition.ProcessId, version, definition.ContentHash, definition.SourceName, calls = definition.CalledDefinitionIds, note = definition.Note, forms = formSet.Keys }),
            }, ct);
            return new DeployedProcess(definition, IsNewVersion: true);
        }
    }

    private static IEnumerable<FlowNode> Nodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess s ? [n, .. Nodes(s.Scope)] : new[] { n });

    private static WorkflowInputException Invalid(string sourceName, IEnumerable<BpmnDiagnostic> diagnostics)
    {
        var errors = diagnostics
            .GroupBy(d => d.ElementId ?? $"line {d.Line}")
            .ToDictionary(g => g.Key, g => g.Select(d => d.ToString()).ToArray());
        if (errors.Count == 0)
            errors["xml"] = ["the file could not be read"];
        return new WorkflowInputException($"{sourceName} does not validate", errors);
    }
}

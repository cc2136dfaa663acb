using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// Publishes BPMN files. Each executable process gets version n+1 when its content changed and
/// nothing when it did not; instances already running keep the version they started on.
/// </summary>
public sealed class DefinitionDeployment(IBpmnModelReader reader, WorkflowStores stores, TimeProvider time)
{
    /// <exception cref="WorkflowInputException">The file does not read, does not validate, or has no executable process; errors are keyed by element id.</exception>
    public async Task<DeploymentResult> DeployAsync(string xml, string sourceName, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var read = reader.Read(xml, sourceName);
        if (read.HasErrors)
            throw Invalid(sourceName, read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), "does not validate");
        var model = read.Model!;
        var executable = model.Processes.Where(p => p.IsExecutable).ToList();
        if (executable.Count == 0)
            throw new WorkflowInputException($"{sourceName} has no executable process", new Dictionary<string, string[]> { ["process"] = ["no process has isExecutable=\"true\""] });
        try
        {
            DefinitionSet.From(model);
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            throw new WorkflowInputException($"{sourceName} does not compile: {e.Message}", new Dictionary<string, string[]> { ["definition"] = [e.Message] });
        }

        var hash = ContentHash.Of(xml);
        var deployed = ImmutableArray.CreateBuilder<DeployedProcess>();
        foreach (var process in executable)
            deployed.Add(await PublishAsync(process.Id, process.Name, hash, xml, sourceName, actor, cancellationToken));
        return new DeploymentResult(deployed.ToImmutable(), [.. read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)]);
    }

    private async Task<DeployedProcess> PublishAsync(string processId, string? name, string hash, string xml, string sourceName, WorkflowActor actor, CancellationToken ct)
    {
        // Two nodes starting together deploy the same files: the loser of the version race re-reads and finds the winner's row.
        for (var attempt = 0; ; attempt++)
        {
            var latest = await stores.Definitions.FindLatestAsync(processId, ct);
            if (latest is not null && latest.ContentHash == hash)
                return new DeployedProcess(latest, IsNewVersion: false);
            var version = (latest?.Version ?? 0) + 1;
            var definition = new DeployedDefinition
            {
                Id = DeployedDefinition.IdFor(processId, version),
                ProcessId = processId,
                Version = version,
                Name = name,
                ContentHash = hash,
                Xml = xml,
                SourceName = sourceName,
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
            await stores.Audit.AppendAsync(new AuditEntry
            {
                At = definition.PublishedAt,
                Actor = actor.Id,
                Action = AuditActions.DefinitionDeployed,
                DataJson = JsonSerializer.Serialize(new { definition.Id, processId, version, hash, sourceName }),
            }, ct);
            return new DeployedProcess(definition, IsNewVersion: true);
        }
    }

    private static WorkflowInputException Invalid(string sourceName, IEnumerable<BpmnDiagnostic> diagnostics, string what)
    {
        var errors = diagnostics
            .GroupBy(d => d.ElementId ?? $"line {d.Line}")
            .ToDictionary(g => g.Key, g => g.Select(d => d.ToString()).ToArray());
        if (errors.Count == 0)
            errors["xml"] = ["the file could not be read"];
        return new WorkflowInputException($"{sourceName} {what}", errors);
    }
}

using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Deploys every workflows/*.bpmn at start. A file that fails validation is logged and skipped, not
/// fatal. Files that call processes in other files are retried after the rest, so order on disk does not matter.
/// The deployment runs beside the rest of the start (the other services, Kestrel binding its addresses) on another
/// thread, and the host is not started until it has finished: no request is served before it (<see cref="StartupGate"/>),
/// and a deployment that throws stops the start as before.
/// </summary>
public sealed class WorkflowFileDeployment(DefinitionDeployment deployment, IOptions<WorkflowFilesOptions> options, ILogger<WorkflowFileDeployment> logger) : IHostedLifecycleService
{
    private static readonly WorkflowActor Deployer = new("system:startup", [], IsAdmin: true);
    private Task running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Run(() => DeployAllAsync(cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => running;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeployAllAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DeployAtStart)
            return;
        var folder = Path.GetFullPath(options.Value.Path);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("no workflow folder at {Folder}; nothing deployed", folder);
            return;
        }
        var pending = Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal).ToList();
        var failures = new Dictionary<string, WorkflowInputException>();
        while (pending.Count > 0)
        {
            var next = new List<string>();
            foreach (var file in pending)
            {
                try
                {
                    var result = await deployment.DeployAsync(await File.ReadAllTextAsync(file, cancellationToken), Path.GetFileName(file), Deployer, cancellationToken);
                    foreach (var process in result.Processes)
                        logger.LogInformation("{File}: {Process} v{Version} {State}", Path.GetFileName(file), process.Definition.ProcessId, process.Definition.Version, process.IsNewVersion ? "deployed" : "unchanged");
                    failures.Remove(file);
                }
                catch (WorkflowInputException e)
                {
                    failures[file] = e;
                    next.Add(file);
                }
            }
            if (next.Count == pending.Count)
                break;
            pending = next;
        }
        foreach (var (file, error) in failures)
            logger.LogError("{File} was not deployed: {Message}: {Errors}", Path.GetFileName(file), error.Message,
                string.Join("; ", error.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

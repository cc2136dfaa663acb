using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Deploys every workflows/*.bpmn at start. A file that fails validation is logged and skipped, not
/// fatal. Files that call processes in other files are retried after the rest, so order on disk does not matter.
/// The deployment runs beside the rest of the start (<see cref="StartWorkBeside"/>): the host is not started until it has
/// finished, so no request is served before it (<see cref="StartupGate"/>), and a deployment that throws stops the start.
/// </summary>
public sealed class WorkflowFileDeployment(IServiceProvider services, IOptions<WorkflowFilesOptions> options, ILogger<WorkflowFileDeployment> logger)
    : StartWorkBeside(services)
{
    private static readonly WorkflowActor Deployer = new("system:startup", [], IsAdmin: true);
    // Resolved with the host's services, as the host builds them: Hangfire's clients in this graph take its process-wide
    // logger, which a test process hosting several servers must not reach from a later thread.
    private readonly DefinitionDeployment deployment = services.GetRequiredService<DefinitionDeployment>();

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
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
}

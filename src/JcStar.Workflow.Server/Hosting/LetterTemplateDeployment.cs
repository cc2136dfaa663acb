using JcStar.Workflow.Documents.Versions;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Stores the Word files of the templates folder as versions at start (after the schema is migrated): version 1 the first
/// time, the next version when a file changed, nothing when it did not or when it is older than an upload.
/// </summary>
public sealed class LetterTemplateDeployment(LetterTemplates templates, ILogger<LetterTemplateDeployment> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var version in await templates.DeployFolderAsync(cancellationToken))
            logger.LogInformation("letter template {Template} v{Version} deployed from the templates folder", version.Name, version.Version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime.Hosting;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Stores the Word files of the templates folder as versions at start (after the schema is migrated): version 1 the first
/// time, the next version when a file changed, nothing when it did not or when it is older than an upload. Runs beside the
/// rest of the start (<see cref="StartWorkBeside"/>); no request is served before it has finished.
/// </summary>
public sealed class LetterTemplateDeployment(IServiceProvider services, ILogger<LetterTemplateDeployment> logger) : StartWorkBeside(services)
{
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var version in await services.GetRequiredService<LetterTemplates>().DeployFolderAsync(cancellationToken))
            logger.LogInformation("letter template {Template} v{Version} deployed from the templates folder", version.Name, version.Version);
    }
}

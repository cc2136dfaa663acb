namespace JcStar.Workflow.Server.Hosting;

/// <summary>Outside Production, a server whose office settings still hold placeholders starts, but says which ones at start.</summary>
public sealed class OfficeSettingsWarning(ILogger<OfficeSettingsWarning> logger, IReadOnlyList<string> placeholders) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Letters carry placeholder office data until these settings are set: {Settings}. In Production the server refuses to start.", string.Join(", ", placeholders));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

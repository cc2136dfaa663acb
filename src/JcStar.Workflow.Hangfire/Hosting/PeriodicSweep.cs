using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// An in-process sweep every <see cref="WorkflowHangfireOptions.SweepInterval"/>, for deployments that want lost work back
/// sooner than the minutely cron. The sweep is resolved in the background work, not on the start's path.
/// </summary>
public sealed class PeriodicSweep(IServiceProvider services, IOptions<WorkflowHangfireOptions> hangfire, IOptions<RuntimeOptions> options, TimeProvider time, ILogger<PeriodicSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = services.GetRequiredService<WorkflowSweep>();
        using var timer = new PeriodicTimer(hangfire.Value.SweepInterval ?? TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.SweepAsync(options.Value.SweepGrace, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "periodic sweep failed");
            }
        }
    }
}

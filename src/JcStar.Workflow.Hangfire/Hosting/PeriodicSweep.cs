using JcStar.Workflow.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>An in-process sweep every <see cref="WorkflowHangfireOptions.SweepInterval"/>, for deployments that want lost work back sooner than the minutely cron.</summary>
public sealed class PeriodicSweep(WorkflowSweep sweep, IOptions<WorkflowHangfireOptions> hangfire, IOptions<RuntimeOptions> options, TimeProvider time, ILogger<PeriodicSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

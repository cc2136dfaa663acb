using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// An in-process sweep every <see cref="WorkflowHangfireOptions.SweepInterval"/>, for deployments that want lost work back
/// sooner than the minutely cron.
/// </summary>
public sealed class PeriodicSweep(IServiceProvider services, IOptions<WorkflowHangfireOptions> hangfire, IOptions<RuntimeOptions> options, TimeProvider time, ILogger<PeriodicSweep> logger) : BackgroundService
{
    // Resolved with the host's services, as the host builds them: Hangfire's clients in this graph take its process-wide
    // logger, which a test process hosting several servers must not reach from a later thread.
    private readonly WorkflowSweep sweep = services.GetRequiredService<WorkflowSweep>();

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

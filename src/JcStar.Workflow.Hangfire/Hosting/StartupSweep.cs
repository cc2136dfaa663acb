using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// At start, fires every timer and runs every job already due: whatever fell due while the server
/// was down carries on right away instead of waiting for the first recurring sweep.
/// </summary>
public sealed class StartupSweep(IServiceProvider services, ILogger<StartupSweep> logger) : BackgroundService
{
    // Resolved with the host's services, as the host builds them: Hangfire's clients in this graph take its process-wide
    // logger, which a test process hosting several servers must not reach from a later thread.
    private readonly WorkflowSweep sweep = services.GetRequiredService<WorkflowSweep>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await sweep.SweepAsync(TimeSpan.Zero, stoppingToken);
            if (result.TimersFired + result.JobsRun > 0)
                logger.LogInformation("startup sweep fired {Timers} timers and ran {Jobs} jobs that fell due while the server was down", result.TimersFired, result.JobsRun);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "startup sweep failed; the recurring sweep will try again");
        }
    }
}

using JcStar.Workflow.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// At start, fires every timer and runs every job already due: whatever fell due while the server
/// was down carries on right away instead of waiting for the first recurring sweep.
/// </summary>
public sealed class StartupSweep(WorkflowSweep sweep, ILogger<StartupSweep> logger) : BackgroundService
{
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

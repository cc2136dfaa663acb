using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime;

/// <summary>Finds the wake-ups that went missing and does what they would have done.</summary>
public sealed class WorkflowSweep(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    TimerFiring timerFiring,
    JobRunner jobRunner,
    ILogger<WorkflowSweep> logger)
{
    /// <summary>
    /// Fires timers and runs jobs whose time passed at least <paramref name="grace"/> ago: wake-ups lost
    /// to a crash, a restart or a dropped schedule. Safe to run on every node at once.
    /// </summary>
    public async Task<SweepResult> SweepAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        int fired = 0, ran = 0;
        for (var round = 0; round < 100; round++)
        {
            var now = executor.Time.GetUtcNow();
            var timers = await stores.Timers.FindDueAsync(now - grace, executor.Options.SweepBatchSize, cancellationToken);
            foreach (var timer in timers)
            {
                try
                {
                    if (await timerFiring.FireTimerAsync(timer.Id, cancellationToken))
                        fired++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "sweep could not fire timer {TimerId}", timer.Id);
                }
            }
            var jobs = await stores.Jobs.FindRunnableAsync(now - grace, now, executor.Options.SweepBatchSize, cancellationToken);
            foreach (var job in jobs)
            {
                try
                {
                    if (await jobRunner.RunJobAsync(job.Id, cancellationToken))
                        ran++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "sweep could not run job {JobId}", job.Id);
                }
            }
            if (timers.Count < executor.Options.SweepBatchSize && jobs.Count < executor.Options.SweepBatchSize)
                break;
        }
        return new SweepResult(fired, ran);
    }
}

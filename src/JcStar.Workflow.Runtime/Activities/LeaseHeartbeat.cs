using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// Keeps a job's lease alive while its activity runs: every third of the lease it is extended by a whole lease.
/// The lease can then be short (a node that dies frees its work within <see cref="RuntimeOptions.JobLease"/>)
/// while a slow activity on a live node (a letter converted to PDF on a busy machine) is never taken over.
/// A renewal that fails stops the heartbeat; the run's commit is still refused if another node finished first.
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseHeartbeat(IJobStore jobs, string jobId, string owner, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _loop = BeatAsync(jobs, jobId, owner, lease, time, logger, _stop.Token);
    }

    public static LeaseHeartbeat Start(IJobStore jobs, string jobId, string owner, TimeSpan lease, TimeProvider time, ILogger logger) =>
        new(jobs, jobId, owner, lease, time, logger);

    private static async Task BeatAsync(IJobStore jobs, string jobId, string owner, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        var interval = lease / 3;
        if (interval <= TimeSpan.Zero)
            return;
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, stop);
                if (!await jobs.RenewLeaseAsync(jobId, owner, time.GetUtcNow() + lease, stop))
                {
                    logger.LogWarning("job {JobId}: the lease could not be renewed (the job ended, or another node took it over)", jobId);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A database hiccup: the lease then runs out as if this node had died, and the work is taken over.
            logger.LogWarning(e, "job {JobId}: renewing the lease failed", jobId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

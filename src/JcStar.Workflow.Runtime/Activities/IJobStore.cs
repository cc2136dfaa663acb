namespace JcStar.Workflow.Runtime.Activities;

public interface IJobStore
{
    Task<ActivityJob?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically takes the job for one run: succeeds only while it is pending and no unexpired lease
    /// holds it; counts the attempt. Two nodes never both get true for the same run.
    /// </summary>
    Task<bool> TryLeaseAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease <paramref name="owner"/> holds while its run goes on (the runtime's heartbeat), so a short
    /// lease frees the work of a node that died soon without letting a slow but live run be taken over.
    /// False when the owner no longer holds it (the job ended, or the lease lapsed and another node took it).
    /// </summary>
    Task<bool> RenewLeaseAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>A run failed and will be tried again at <paramref name="nextAttemptAt"/>; ignored unless <paramref name="owner"/> holds the lease.</summary>
    Task<bool> ReleaseForRetryAsync(string jobId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Ends a job that needs no instance commit (thrown messages and signals, jobs whose instance no longer awaits them).</summary>
    Task FinishAsync(string jobId, JobStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken);

    /// <summary>Pending jobs due by <paramref name="dueBy"/> with no live lease: the sweep's work.</summary>
    Task<IReadOnlyList<ActivityJob>> FindRunnableAsync(DateTimeOffset dueBy, DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActivityJob>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken);
}

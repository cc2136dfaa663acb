using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Subscriptions;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// Runs jobs: an activity's handler, or the delivery of a message or signal a process threw. Each run leases
/// the job, and commits its outcome through the <see cref="InstanceCommandExecutor"/>; the commands of the
/// other use cases run their synchronous activities through <see cref="FollowUpAsync"/>.
/// </summary>
public sealed class JobRunner(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    ActivityRegistry activities,
    IJobDispatcher dispatcher,
    EventDelivery delivery,
    ILogger<JobRunner> logger)
{
    /// <summary>Early wake-ups within this are run: another node's clock may be a little ahead of ours.</summary>
    internal static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(2);

    private RuntimeOptions Options => executor.Options;

    private TimeProvider Time => executor.Time;

    /// <summary>
    /// Runs a job once, then any synchronous activities that follow. Idempotent: a job that is no
    /// longer pending, not yet due or leased by another node is left alone and false is returned.
    /// A failing handler does not throw; it is retried with backoff and then becomes an incident.
    /// </summary>
    public async Task<bool> RunJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var next = await RunJobCoreAsync(jobId, cancellationToken);
        if (next is null)
            return false;
        var queue = new Queue<string>(next);
        while (queue.TryDequeue(out var followUp))
        {
            foreach (var id in await RunJobCoreAsync(followUp, cancellationToken) ?? [])
                queue.Enqueue(id);
        }
        return true;
    }

    /// <summary>Wakes timers and jobs the commit created and runs its synchronous activities (and theirs) now.</summary>
    internal async Task FollowUpAsync(InstanceCommit commit, CancellationToken ct)
    {
        var queue = new Queue<string>(await executor.AfterCommitAsync(commit, ct));
        while (queue.TryDequeue(out var jobId))
        {
            foreach (var next in await RunJobCoreAsync(jobId, ct) ?? [])
                queue.Enqueue(next);
        }
    }

    /// <returns>Null when the run did nothing; otherwise synchronous jobs to run next.</returns>
    private async Task<IReadOnlyList<string>?> RunJobCoreAsync(string jobId, CancellationToken ct)
    {
        var job = await stores.Jobs.FindAsync(jobId, ct);
        var now = Time.GetUtcNow();
        if (job is not { Status: JobStatus.Pending } || job.NextAttemptAt > now + ClockTolerance)
            return null;
        if (!await stores.Jobs.TryLeaseAsync(jobId, Options.NodeId, now, now + Options.JobLease, ct))
            return null;
        var attempt = job.Attempts + 1;
        switch (job.Kind)
        {
            case JobKind.ThrowMessage:
            case JobKind.ThrowSignal:
                return await RunThrowAsync(job, attempt, ct);
            default:
                return await RunActivityAsync(job, attempt, ct);
        }
    }

    private async Task<IReadOnlyList<string>?> RunActivityAsync(ActivityJob job, int attempt, CancellationToken ct)
    {
        var instance = await stores.Instances.FindAsync(job.InstanceId, ct);
        if (instance is null || instance.HasEnded)
        {
            await stores.Jobs.FinishAsync(job.Id, JobStatus.Cancelled, Time.GetUtcNow(), "the instance has ended", ct);
            return [];
        }
        var handler = activities.Find(job.Name);
        if (handler is null)
            return await GiveUpAsync(job, $"no activity handler is registered as '{job.Name}'", ct);

        ActivityResult result;
        try
        {
            var inputs = JsonSerializer.Deserialize<ImmutableDictionary<string, JsonElement>>(job.InputsJson) ?? ImmutableDictionary<string, JsonElement>.Empty;
            var context = new ActivityContext(instance.Id, instance.BusinessKey, instance.ProcessId, instance.DefinitionId, job.ElementId, job.Id, attempt, Time.GetUtcNow());
            await using var heartbeat = LeaseHeartbeat.Start(stores.Jobs, job.Id, Options.NodeId, Options.JobLease, Time, logger);
            result = await handler.ExecuteAsync(inputs, context, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "activity {Activity} of job {JobId} failed (attempt {Attempt})", job.Name, job.Id, attempt);
            return attempt <= job.MaxRetries
                ? await RetryLaterAsync(job, attempt, e.Message, ct)
                : await GiveUpAsync(job, e.Message, ct);
        }

        EngineCommand command = result.IsBpmnError
            ? new FailActivity(job.EngineJobId!, result.ErrorMessage ?? result.ErrorCode!, result.ErrorCode)
            : new CompleteActivity(job.EngineJobId!, result.Outputs);
        return await CommitJobOutcomeAsync(job.Id, command, JobStatus.Completed, result.IsBpmnError ? $"BPMN error {result.ErrorCode}: {result.ErrorMessage}" : null, ct, outbox: result.OutboxMessages);
    }

    private async Task<IReadOnlyList<string>?> RunThrowAsync(ActivityJob job, int attempt, CancellationToken ct)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<ImmutableDictionary<string, JsonElement>>(job.InputsJson);
            // At least once: a crash between delivery and FinishAsync delivers again, and a second
            // delivery finds the subscription already closed.
            if (job.Kind == JobKind.ThrowMessage)
                await delivery.CorrelateMessageAsync(job.Name, job.CorrelationKey, payload, WorkflowActor.System, deliveryKey: job.Id, FollowUpAsync, ct);
            else
                await delivery.BroadcastSignalAsync(job.Name, payload, WorkflowActor.System, deliveryKey: job.Id, FollowUpAsync, ct);
            await stores.Jobs.FinishAsync(job.Id, JobStatus.Completed, Time.GetUtcNow(), null, ct);
            return [];
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Kind} {Name} of job {JobId} failed (attempt {Attempt})", job.Kind, job.Name, job.Id, attempt);
            if (attempt <= job.MaxRetries)
                return await RetryLaterAsync(job, attempt, e.Message, ct);
            await stores.Jobs.FinishAsync(job.Id, JobStatus.Failed, Time.GetUtcNow(), e.Message, ct);
            return [];
        }
    }

    private async Task<IReadOnlyList<string>?> RetryLaterAsync(ActivityJob job, int attempt, string error, CancellationToken ct)
    {
        var delay = TimeSpan.FromTicks(Math.Min(Options.RetryMaxDelay.Ticks, Options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
        var next = Time.GetUtcNow() + delay;
        if (await stores.Jobs.ReleaseForRetryAsync(job.Id, Options.NodeId, next, error, ct))
            await dispatcher.DispatchAsync(job.Id, next, ct);
        return [];
    }

    /// <summary>Out of retries: the engine turns the technical failure into an incident staff can see and retry.</summary>
    private Task<IReadOnlyList<string>?> GiveUpAsync(ActivityJob job, string error, CancellationToken ct) =>
        CommitJobOutcomeAsync(job.Id, new FailActivity(job.EngineJobId!, error), JobStatus.Failed, error, ct, failing: true);

    /// <summary>
    /// Commits what the job's run decided, with the mail it asked for (<paramref name="outbox"/>) in the same
    /// transaction. A job that is no longer pending (another run committed first) commits nothing; a job
    /// whose instance ended or moved on is closed without its mail.
    /// </summary>
    private async Task<IReadOnlyList<string>?> CommitJobOutcomeAsync(
        string jobId, EngineCommand command, JobStatus status, string? error, CancellationToken ct, bool failing = false, IReadOnlyList<OutboxMessage>? outbox = null)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var job = await stores.Jobs.FindAsync(jobId, ct);
            if (job is not { Status: JobStatus.Pending })
                return null;
            var instance = await stores.Instances.FindAsync(job.InstanceId, ct);
            // Again after the instance, so a stale copy of a job another node finished meanwhile is never written back.
            job = await stores.Jobs.FindAsync(jobId, ct);
            if (job is not { Status: JobStatus.Pending })
                return null;
            var finished = job with { Status = status, FinishedAt = Time.GetUtcNow(), LeaseOwner = null, LeaseUntil = null, LastError = error };
            if (instance is null || instance.HasEnded)
                return await executor.CloseStaleAsync(instance, plan => plan.Put(finished with { Status = JobStatus.Cancelled }), ct);
            try
            {
                return await executor.ExecuteAsync(instance, command, WorkflowActor.System, (plan, _) =>
                {
                    plan.Put(finished);
                    foreach (var message in outbox ?? [])
                        plan.Put(message);
                    if (failing)
                        plan.FailingJobId = job.Id;
                    plan.Audit(status == JobStatus.Completed ? AuditActions.ActivityCompleted : AuditActions.ActivityFailed, job.ElementId, new { jobId, activity = job.Name, error });
                    return Task.CompletedTask;
                }, ct);
            }
            catch (WorkflowCommandException e) when (e.Rejection != CommandRejection.Invalid)
            {
                return await executor.CloseStaleAsync(instance, plan => plan.Put(finished with { Status = JobStatus.Cancelled }), ct);
            }
        });
        if (commit is null)
            return null;
        return await executor.AfterCommitAsync(commit, ct);
    }
}

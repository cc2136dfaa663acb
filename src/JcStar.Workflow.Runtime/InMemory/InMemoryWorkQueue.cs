using System.Collections.Concurrent;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime.InMemory;

/// <summary>
/// Records wake-ups instead of acting on them: the CLI's simulate and tests decide when jobs run and
/// timers fire (by draining, or by advancing a fake clock and sweeping).
/// </summary>
public sealed class InMemoryWorkQueue : IJobDispatcher, ITimerScheduler
{
    private readonly ConcurrentQueue<(string JobId, DateTimeOffset RunAt)> _jobs = new();
    private readonly ConcurrentQueue<(string TimerId, DateTimeOffset DueAt)> _timers = new();

    public IReadOnlyCollection<(string JobId, DateTimeOffset RunAt)> DispatchedJobs => _jobs;

    public IReadOnlyCollection<(string TimerId, DateTimeOffset DueAt)> ScheduledTimers => _timers;

    public Task DispatchAsync(string jobId, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        _jobs.Enqueue((jobId, runAt));
        return Task.CompletedTask;
    }

    public Task ScheduleAsync(string timerId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        _timers.Enqueue((timerId, dueAt));
        return Task.CompletedTask;
    }

    /// <summary>Takes the job wake-ups recorded so far.</summary>
    public IReadOnlyList<string> TakeJobs()
    {
        var taken = new List<string>();
        while (_jobs.TryDequeue(out var job))
            taken.Add(job.JobId);
        return taken;
    }
}

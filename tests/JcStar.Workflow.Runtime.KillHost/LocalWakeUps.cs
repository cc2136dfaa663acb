using System.Collections.Concurrent;
using System.Threading.Channels;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>
/// A node's own wake-ups without Hangfire: whatever this node commits is run or fired here when due.
/// The other node only learns of it through its sweep, so the two race on every such job and timer.
/// </summary>
public sealed class LocalWakeUps : IJobDispatcher, ITimerScheduler
{
    private readonly Channel<(bool IsTimer, string Id, DateTimeOffset At)> _wakeUps = Channel.CreateUnbounded<(bool, string, DateTimeOffset)>();
    private int _jobsRun;
    private int _timersFired;

    public int JobsRun => _jobsRun;

    public int TimersFired => _timersFired;

    public ConcurrentQueue<string> Failures { get; } = new();

    public Task DispatchAsync(string jobId, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        _wakeUps.Writer.TryWrite((false, jobId, runAt));
        return Task.CompletedTask;
    }

    public Task ScheduleAsync(string timerId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        _wakeUps.Writer.TryWrite((true, timerId, dueAt));
        return Task.CompletedTask;
    }

    /// <summary>Runs wake-ups until <paramref name="stop"/>; wake-ups not yet due then are dropped (the sweep is what recovers dropped ones).</summary>
    public async Task RunAsync(WorkflowRuntime runtime, CancellationToken stop)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var wake in _wakeUps.Reader.ReadAllAsync(stop))
                running.Add(WakeAsync(runtime, wake, stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
    }

    private async Task WakeAsync(WorkflowRuntime runtime, (bool IsTimer, string Id, DateTimeOffset At) wake, CancellationToken stop)
    {
        try
        {
            var wait = wake.At - TimeProvider.System.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            if (wake.IsTimer)
            {
                if (await runtime.FireTimerAsync(wake.Id))
                    Interlocked.Increment(ref _timersFired);
            }
            else if (await runtime.RunJobAsync(wake.Id))
            {
                Interlocked.Increment(ref _jobsRun);
            }
        }
        catch (Exception e)
        {
            Failures.Enqueue($"{(wake.IsTimer ? "timer" : "job")} {wake.Id}: {FailureText.Of(e)}");
        }
    }
}

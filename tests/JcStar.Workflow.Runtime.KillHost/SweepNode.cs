using System.Collections.Concurrent;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>
/// One node of the two-node timer and continuation test, without Hangfire: <c>--sweepers</c> loops sweep
/// with no grace (so both nodes go for every due timer and runnable job at once), and the node runs its
/// own wake-ups (<see cref="LocalWakeUps"/>). With <c>--seed K</c> it first deploys the Kill process and
/// starts JC-0..JC-(K-1) with their wake-ups lost (<see cref="SeedNode"/>), before saying "ready", so the
/// other node cannot start early. After "go" it starts JC-(start)..JC-(start+count-1) itself, works until
/// "stop" (or stdin closes), and reports what it ran.
/// </summary>
public static class SweepNode
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var node = args["node"];
        var folder = args["folder"];
        var start = args.Int("start", 0);
        var count = args.Int("count", 0);
        var sweepers = args.Int("sweepers", 2);
        var errors = new ErrorLog();
        var wakeUps = new LocalWakeUps();

        var services = new ServiceCollection();
        services.AddLogging(l => NodeSetup.Logging(l, errors));
        services.AddSingleton(wakeUps);
        services.AddSingleton<IJobDispatcher>(wakeUps);
        services.AddSingleton<ITimerScheduler>(wakeUps);
        services.AddWorkflowEfStores(NodeSetup.Database(args));
        services.AddWorkflowRuntime(o =>
        {
            o.NodeId = node;
            o.JobLease = TimeSpan.FromSeconds(30);
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
        });
        services.AddSingleton<IActivityHandler>(new CountedWork(Path.Combine(folder, $"effects-{node}.txt")));
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<WorkflowRuntime>();

        // Warm the model so neither node starts the race cold.
        await provider.GetRequiredService<ITimerStore>().FindDueAsync(DateTimeOffset.MinValue, 1, CancellationToken.None);
        if (args.Int("seed", 0) is > 0 and var seed)
            await SeedNode.SeedAsync(NodeSetup.Database(args), seed);
        await NodeSetup.WaitForGoAsync();

        using var stop = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line && line.Trim() != "stop")
            {
            }
            await stop.CancelAsync();
        });

        var failures = new ConcurrentQueue<string>();
        int sweptJobs = 0, sweptTimers = 0, sweeps = 0;
        async Task SweepLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // Not cancelled by stop: a sweep under way finishes what it took on.
                    var result = await runtime.SweepAsync(TimeSpan.Zero);
                    Interlocked.Add(ref sweptJobs, result.JobsRun);
                    Interlocked.Add(ref sweptTimers, result.TimersFired);
                    Interlocked.Increment(ref sweeps);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"sweep: {FailureText.Of(e)}");
                }
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        var working = Task.WhenAll([wakeUps.RunAsync(runtime, stop.Token), .. Enumerable.Range(0, sweepers).Select(_ => Task.Run(SweepLoopAsync))]);
        for (var i = start; i < start + count; i++)
        {
            try
            {
                await runtime.StartAsync("Kill", $"JC-{i}", null, WorkflowActor.System);
            }
            catch (Exception e)
            {
                failures.Enqueue($"start JC-{i}: {FailureText.Of(e)}");
            }
        }
        await listening;
        await working;

        NodeSetup.Report(new
        {
            node,
            jobsRun = sweptJobs + wakeUps.JobsRun,
            timersFired = sweptTimers + wakeUps.TimersFired,
            bySweep = new { jobs = sweptJobs, timers = sweptTimers, sweeps },
            byWakeUp = new { jobs = wakeUps.JobsRun, timers = wakeUps.TimersFired },
            failures = failures.Concat(wakeUps.Failures).ToArray(),
            loggedErrors = errors.Errors.ToArray(),
        });
        return 0;
    }
}

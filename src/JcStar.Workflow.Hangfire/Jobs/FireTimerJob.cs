using Hangfire;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Hangfire.Jobs;

/// <summary>Carries a timer id only; a timer already fired or cancelled is left alone by the runtime.</summary>
public sealed class FireTimerJob(TimerFiring timers)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public Task RunAsync(string timerId, CancellationToken cancellationToken) => timers.FireTimerAsync(timerId, cancellationToken);
}

using Hangfire;
using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// Registers (or updates) a recurring job at start as its <see cref="RecurringJobSchedule{TJob}"/> says; removes it
/// when the schedule is off (Retention:Enabled, Backup:Enabled false). Every node does it; Hangfire keeps one.
/// </summary>
public sealed class RecurringJobRegistration<TJob>(IRecurringJobManager recurring, RecurringJobSchedule<TJob> schedule) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (schedule.Enabled)
            recurring.AddOrUpdate(schedule.JobId, schedule.Run, schedule.Cron);
        else
            recurring.RemoveIfExists(schedule.JobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Hangfire;
using JcStar.Workflow.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// Registers (or updates) a recurring job at start as its <see cref="RecurringJobSchedule{TJob}"/> says; removes it
/// when the schedule is off (Retention:Enabled, Backup:Enabled false). Every node does it; Hangfire keeps one.
/// Runs beside the rest of the start (<see cref="StartWorkBeside"/>).
/// </summary>
public sealed class RecurringJobRegistration<TJob>(IServiceProvider services, RecurringJobSchedule<TJob> schedule) : StartWorkBeside(services)
{
    // Resolved with the host's services, as the host builds them: Hangfire's clients in this graph take its process-wide
    // logger, which a test process hosting several servers must not reach from a later thread.
    private readonly IRecurringJobManager recurring = services.GetRequiredService<IRecurringJobManager>();

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (schedule.Enabled)
            recurring.AddOrUpdate(schedule.JobId, schedule.Run, schedule.Cron);
        else
            recurring.RemoveIfExists(schedule.JobId);
        return Task.CompletedTask;
    }
}

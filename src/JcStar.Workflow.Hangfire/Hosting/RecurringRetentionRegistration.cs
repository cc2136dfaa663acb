using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>Registers (or updates) the recurring retention run at start; removes it when Retention:Enabled is false.</summary>
public sealed class RecurringRetentionRegistration(IRecurringJobManager recurring, RetentionOptions options) : IHostedService
{
    public const string JobId = "jcstar-retention";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Enabled)
            recurring.AddOrUpdate<RetentionJob>(JobId, j => j.RunAsync(CancellationToken.None), options.Cron);
        else
            recurring.RemoveIfExists(JobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

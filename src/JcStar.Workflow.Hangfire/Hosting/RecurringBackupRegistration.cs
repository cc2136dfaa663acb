using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>Registers (or updates) the recurring backup at start; removes it when Backup:Enabled is false.</summary>
public sealed class RecurringBackupRegistration(IRecurringJobManager recurring, BackupOptions options) : IHostedService
{
    public const string JobId = "jcstar-backup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Enabled)
            recurring.AddOrUpdate<BackupJob>(JobId, j => j.RunAsync(CancellationToken.None), options.Cron);
        else
            recurring.RemoveIfExists(JobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

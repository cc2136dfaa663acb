using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Hangfire.Hosting;

public static class BackupServiceCollectionExtensions
{
    /// <summary>Scheduled backups of <paramref name="source"/> as a Hangfire recurring job, with the freshness warning.</summary>
    public static IServiceCollection AddWorkflowBackups(this IServiceCollection services, BackupOptions options, Func<IServiceProvider, IBackupSource> source)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(source);
        services.AddSingleton<ScheduledBackup>();
        services.TryAddTransient<BackupJob>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<BackupOptions>();
            return new RecurringJobSchedule<BackupJob>(BackupJob.RecurringJobId, settings.Enabled, settings.Cron, j => j.RunAsync(CancellationToken.None));
        });
        services.AddHostedService<RecurringJobRegistration<BackupJob>>();
        if (options.Enabled)
            services.AddHostedService<BackupFreshnessMonitor>();
        return services;
    }
}

using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Hangfire.Hosting;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Retention of personal data in closed cases as a Hangfire recurring job (when Retention:Enabled), over the registered stores.</summary>
    public static IServiceCollection AddWorkflowRetention(this IServiceCollection services, RetentionOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CaseRetention>();
        services.TryAddTransient<RetentionJob>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<RetentionOptions>();
            return new RecurringJobSchedule<RetentionJob>(RetentionJob.RecurringJobId, settings.Enabled, settings.Cron, j => j.RunAsync(CancellationToken.None));
        });
        services.AddHostedService<RecurringJobRegistration<RetentionJob>>();
        return services;
    }
}

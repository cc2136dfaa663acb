using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Hangfire.Hosting;

public static class HangfireServiceCollectionExtensions
{
    /// <summary>
    /// Durable timers and background continuations on Hangfire: the runtime's dispatcher and
    /// scheduler, the jobs (ids only), the recurring sweep, the startup sweep and, when
    /// <see cref="WorkflowHangfireOptions.Server"/>, a Hangfire server in this process.
    /// </summary>
    /// <param name="storage">Resolved storage kind and connection string (file path for SQLite).</param>
    public static IServiceCollection AddWorkflowHangfire(this IServiceCollection services, WorkflowHangfireOptions options, HangfireStorageKind storage, string connectionString)
    {
        services.AddOptions<WorkflowHangfireOptions>().Configure(o =>
        {
            o.Storage = storage;
            o.ConnectionString = connectionString;
            o.Server = options.Server;
            o.WorkerCount = options.WorkerCount;
            o.SchedulePollingInterval = options.SchedulePollingInterval;
            o.QueuePollInterval = options.QueuePollInterval;
            o.SweepCron = options.SweepCron;
            o.Dashboard = options.Dashboard;
            o.SweepInterval = options.SweepInterval;
        });
        services.AddHangfire(configuration =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (storage)
            {
                case HangfireStorageKind.Sqlite:
                    configuration.UseSQLiteStorage(connectionString, new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval });
                    break;
                case HangfireStorageKind.PostgreSql:
                    configuration.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { QueuePollInterval = options.QueuePollInterval, PrepareSchemaIfNecessary = true });
                    break;
                case HangfireStorageKind.SqlServer:
                    configuration.UseSqlServerStorage(connectionString, new SqlServerStorageOptions { QueuePollInterval = options.QueuePollInterval, PrepareSchemaIfNecessary = true });
                    break;
            }
        });
        if (options.Server)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
            });
            services.AddHostedService<RecurringSweepRegistration>();
            services.AddHostedService<StartupSweep>();
            if (options.SweepInterval is not null)
                services.AddHostedService<PeriodicSweep>();
        }
        services.TryAddTransient<RunActivityJob>();
        services.TryAddTransient<FireTimerJob>();
        services.TryAddTransient<SweepJob>();
        services.AddSingleton<IJobDispatcher, HangfireJobDispatcher>();
        services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        return services;
    }
}

using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The use cases. Stores, a job dispatcher and a timer scheduler come from an adapter
    /// (<see cref="AddInMemoryWorkflowStores"/>, the EF Core and Hangfire packages); handlers are added
    /// as <see cref="IActivityHandler"/> singletons by whoever owns them.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        services.AddOptions<RuntimeOptions>();
        if (configure is not null)
            services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new WorkflowEngine(sp.GetService<EngineOptions>()));
        services.TryAddSingleton(sp => new WorkflowStores(
            sp.GetRequiredService<IDefinitionStore>(),
            sp.GetRequiredService<IInstanceStore>(),
            sp.GetRequiredService<ITaskStore>(),
            sp.GetRequiredService<ITimerStore>(),
            sp.GetRequiredService<ISubscriptionStore>(),
            sp.GetRequiredService<IJobStore>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<IAuditLog>()));
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<DefinitionCatalog>();
        services.TryAddSingleton<StartEvents>();
        services.TryAddSingleton<InstanceCommandExecutor>();
        services.TryAddSingleton<StartVariables>();
        services.TryAddSingleton<Subscriptions.EventDelivery>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<InstanceLifecycle>();
        services.TryAddSingleton<TaskCommands>();
        services.TryAddSingleton<Subscriptions.EventCorrelation>();
        services.TryAddSingleton<Subscriptions.ConditionEvaluation>();
        services.TryAddSingleton<TimerFiring>();
        services.TryAddSingleton<WorkflowSweep>();
        services.TryAddSingleton<IncidentRetry>();
        services.TryAddSingleton<AdHocActivities>();
        services.TryAddSingleton<WorkflowRuntime>();
        services.TryAddSingleton<Migrations.InstanceMigrations>();
        services.TryAddSingleton<WorkflowQueries>();
        services.TryAddSingleton<ProcessHandlers>();
        services.TryAddSingleton<CaseAccessPolicy>();
        services.TryAddSingleton<IConflictOfInterestSource, NoConflictsOfInterest>();
        services.TryAddSingleton<IActorDirectory, NoActorDirectory>();
        services.TryAddSingleton<Forms.IFormSource, Forms.NoFormSource>();
        services.TryAddSingleton<Forms.IDefinitionFormStore, InMemory.InMemoryDefinitionFormStore>();
        services.TryAddSingleton<Forms.DefinitionForms>();
        services.TryAddSingleton<StartRules>();
        services.AddOptions<Documents.AttachmentOptions>();
        services.TryAddSingleton<Documents.CaseAttachments>();
        services.TryAddSingleton<DefinitionDeployment>();
        services.TryAddSingleton<IBpmnModelReader, BpmnXmlModelReader>();
        return services;
    }

    /// <summary>Every store in memory, and wake-ups recorded in an <see cref="InMemoryWorkQueue"/> (unless a dispatcher is already registered).</summary>
    public static IServiceCollection AddInMemoryWorkflowStores(this IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryWorkflowStore>();
        services.TryAddSingleton<IDefinitionStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IInstanceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<ITaskStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<ITimerStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IJobStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IIncidentStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<ICasePartyStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<Statistics.IWorkflowStatistics>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<InMemoryWorkQueue>();
        services.TryAddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.TryAddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        return services;
    }
}

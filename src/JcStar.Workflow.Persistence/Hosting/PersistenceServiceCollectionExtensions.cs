using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Persistence.Hosting;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The EF Core stores behind every store port; <paramref name="configure"/> picks the provider (see the provider packages).</summary>
    public static IServiceCollection AddWorkflowEfStores(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.AddPooledDbContextFactory<WorkflowDbContext>(configure);
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<IInstanceStore, EfInstanceStore>();
        services.AddSingleton<ITaskStore, EfTaskStore>();
        services.AddSingleton<ITimerStore, EfTimerStore>();
        services.AddSingleton<ISubscriptionStore, EfSubscriptionStore>();
        services.AddSingleton<IJobStore, EfJobStore>();
        services.AddSingleton<IIncidentStore, EfIncidentStore>();
        services.AddSingleton<IAuditLog, EfAuditLog>();
        return services;
    }
}

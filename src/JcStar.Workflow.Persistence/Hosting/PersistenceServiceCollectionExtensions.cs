using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Persistence.Hosting;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The EF Core stores behind every store port; <paramref name="configure"/> picks the provider (see the provider packages).</summary>
    public static IServiceCollection AddWorkflowEfStores(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.AddPooledDbContextFactory<WorkflowDbContext>(configure);
        services.AddSingleton<SqliteSessions>();
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<Runtime.Forms.IDefinitionFormStore, EfDefinitionFormStore>();
        services.AddSingleton<IInstanceStore, EfInstanceStore>();
        services.AddSingleton<ITaskStore, EfTaskStore>();
        services.AddSingleton<ITimerStore, EfTimerStore>();
        services.AddSingleton<ISubscriptionStore, EfSubscriptionStore>();
        services.AddSingleton<IJobStore, EfJobStore>();
        services.AddSingleton<IIncidentStore, EfIncidentStore>();
        services.AddSingleton<IAuditLog, EfAuditLog>();
        services.AddSingleton<Runtime.Retention.IRetentionStore, EfRetentionStore>();
        services.AddSingleton<ICasePartyStore, EfCasePartyStore>();
        services.AddSingleton<JcStar.Workflow.Runtime.Statistics.IWorkflowStatistics, EfWorkflowStatistics>();
        return services;
    }

    /// <summary>
    /// The JC-STAR scheme's stores (registry, number sequences, facilities, conflict declarations, activity
    /// ledger) and the mail outbox in the workflow database, so every server on it shares them. Call after
    /// <see cref="AddWorkflowEfStores"/>. Earlier registrations of these ports (in-memory)
    /// are removed, so the database wins whichever order the host registers in.
    /// </summary>
    public static IServiceCollection AddSchemeEfStores(this IServiceCollection services)
    {
        services.RemoveAll<IRegistryStore>().AddSingleton<IRegistryStore, EfRegistryStore>();
        services.RemoveAll<JcStar.Workflow.Scheme.Complaints.IPublicComplaintStore>().AddSingleton<JcStar.Workflow.Scheme.Complaints.IPublicComplaintStore, EfPublicComplaintStore>();
        services.RemoveAll<ISequenceStore>().AddSingleton<ISequenceStore, EfSequenceStore>();
        services.RemoveAll<IFacilityStore>().AddSingleton<IFacilityStore, EfFacilityStore>();
        services.RemoveAll<IConflictRegister>().AddSingleton<IConflictRegister, EfConflictRegister>();
        services.RemoveAll<IActivityLedger>().AddSingleton<IActivityLedger, EfActivityLedger>();
        services.RemoveAll<IOutbox>().AddSingleton<IOutbox, EfOutbox>();
        return services;
    }
}

using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Complaints;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;
using JcStar.Workflow.Scheme.Persistence.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Scheme.Persistence.Hosting;

public static class SchemePersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The JC-STAR scheme's stores (registry, public complaints, number sequences, facilities, conflict
    /// declarations, activity ledger) in the workflow database, so every server on it shares them. Call
    /// after <c>AddWorkflowEfStores</c>. Earlier registrations of these ports (in-memory) are removed, so the
    /// database wins whichever order the host registers in.
    /// </summary>
    public static IServiceCollection AddSchemeEfStores(this IServiceCollection services)
    {
        services.RemoveAll<IRegistryStore>().AddSingleton<IRegistryStore, EfRegistryStore>();
        services.RemoveAll<IPublicComplaintStore>().AddSingleton<IPublicComplaintStore, EfPublicComplaintStore>();
        services.RemoveAll<ISequenceStore>().AddSingleton<ISequenceStore, EfSequenceStore>();
        services.RemoveAll<IFacilityStore>().AddSingleton<IFacilityStore, EfFacilityStore>();
        services.RemoveAll<IConflictRegister>().AddSingleton<IConflictRegister, EfConflictRegister>();
        services.RemoveAll<IActivityLedger>().AddSingleton<IActivityLedger, EfActivityLedger>();
        return services;
    }
}

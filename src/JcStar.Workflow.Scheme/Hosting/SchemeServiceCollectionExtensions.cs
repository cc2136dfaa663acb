using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Checklists;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;
using JcStar.Workflow.Scheme.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Scheme.Hosting;

public static class SchemeServiceCollectionExtensions
{
    /// <summary>
    /// The JC-STAR scheme: its settings, the start variables, its rules and activities, conflicts of interest
    /// from the register, the case record archive and the checklist review's form check. Its stores are in memory
    /// unless a host registers the database's (Scheme.Persistence's <c>AddSchemeEfStores</c>), before or after this.
    /// The letters' handler is the host's to compose: <see cref="Letters.SchemeLetterActivity"/> wraps the document renderer.
    /// </summary>
    public static IServiceCollection AddJcStarScheme(this IServiceCollection services, SchemeOptions scheme)
    {
        services.AddSingleton(scheme);
        services.AddSingleton<IStartVariableSource>(new SchemeStartVariableSource(scheme));
        services.TryAddSingleton<IRegistryStore, InMemoryRegistryStore>();
        services.TryAddSingleton<ISequenceStore, InMemorySequenceStore>();
        services.TryAddSingleton<IFacilityStore, InMemoryFacilityStore>();
        services.TryAddSingleton<IConflictRegister, InMemoryConflictRegister>();
        services.TryAddSingleton<IActivityLedger, InMemoryActivityLedger>();
        services.AddSingleton<SchemeServices>();
        services.AddSingleton<CaseRecordArchive>();
        services.AddSingleton<IConflictOfInterestSource, RegisteredConflictsOfInterest>();
        // The facility check also makes an eligible facility a party to the case (so its members see it).
        foreach (var handler in SchemeActivities.HandlerTypes.Where(t => t != typeof(CheckFacility)))
            services.AddSingleton(typeof(IActivityHandler), handler);
        services.AddSingleton<CheckFacility>();
        services.AddSingleton<IActivityHandler, FacilityPartyAssignment>();
        services.AddSingleton<ITaskFormValidator, ChecklistReviewFormValidator>();
        return services;
    }
}

using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JcStar.Workflow.Persistence.Hosting;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The EF Core stores behind every store port; <paramref name="configure"/> picks the provider (see the provider packages).</summary>
    public static IServiceCollection AddWorkflowEfStores(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.AddPooledDbContextFactory<WorkflowDbContext>(configure);
        // The chosen database's commit strategy: its dialect (added to the options by the provider) makes it.
        services.AddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
            using var db = factory.CreateDbContext();
            return db.Dialect.CreateCommitStrategy(factory, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        });
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
        services.AddSingleton<Runtime.Documents.ILetterTemplateStore, EfLetterTemplateStore>();
        services.AddSingleton<JcStar.Workflow.Runtime.Statistics.IWorkflowStatistics, EfWorkflowStatistics>();
        // The mail outbox is in the workflow database, so every server on it shares it; an earlier in-memory one gives way.
        services.RemoveAll<IOutbox>().AddSingleton<IOutbox, EfOutbox>();
        return services;
    }

    /// <summary>
    /// The migration of the workflow database and of <paramref name="others"/> on it (contexts whose migrations
    /// the provider projects hold too), for commands that migrate when asked: <see cref="WorkflowDatabaseMigrator"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowDatabaseMigrator(this IServiceCollection services, params MigratedContext[] others)
    {
        foreach (var other in others)
            services.AddSingleton(other);
        services.TryAddSingleton<WorkflowDatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// <see cref="AddWorkflowDatabaseMigrator"/> and a hosted service that migrates when the host starts, if
    /// <paramref name="atStart"/>; register it before the services that need the schema.
    /// </summary>
    public static IServiceCollection AddWorkflowDatabaseMigration(this IServiceCollection services, bool atStart, params MigratedContext[] others)
    {
        services.AddWorkflowDatabaseMigrator(others);
        services.TryAddSingleton<DatabaseReadiness>();
        services.AddHostedService(sp => new DatabaseMigration(sp.GetRequiredService<WorkflowDatabaseMigrator>(), atStart, sp.GetRequiredService<DatabaseReadiness>()));
        return services;
    }

    /// <summary>Rendered documents in the workflow database (Documents:Store Database), shared by every node; replaces an earlier store.</summary>
    public static IServiceCollection AddEfDocumentStore(this IServiceCollection services)
    {
        services.RemoveAll<IDocumentStore>().AddSingleton<IDocumentStore, EfDocumentStore>();
        return services;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>How a provider project and a model contribution plug into the workflow context's options.</summary>
public static class WorkflowDatabaseOptions
{
    /// <summary>Called by the provider project when its database is chosen.</summary>
    public static DbContextOptionsBuilder UseWorkflowDialect(this DbContextOptionsBuilder options, IDatabaseDialect dialect)
    {
        var extension = options.Options.FindExtension<WorkflowDatabaseExtension>() ?? new WorkflowDatabaseExtension(null, []);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(extension.WithDialect(dialect));
        return options;
    }

    /// <summary>Adds <paramref name="contribution"/>'s entities to the workflow model (once, however often it is added).</summary>
    public static DbContextOptionsBuilder AddWorkflowModel(this DbContextOptionsBuilder options, IWorkflowModelContribution contribution)
    {
        var extension = options.Options.FindExtension<WorkflowDatabaseExtension>() ?? new WorkflowDatabaseExtension(null, []);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(extension.With(contribution));
        return options;
    }

    internal static WorkflowDatabaseExtension? WorkflowDatabase(this DbContextOptions options) => options.FindExtension<WorkflowDatabaseExtension>();
}
